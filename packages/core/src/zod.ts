import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The zod every core schema is written with. Core is bundled into the visitor's page, so it
 * uses `zod/mini` (about a third of classic zod's weight there). Unlike classic zod, mini
 * sets no locale of its own, and every issue would read "Invalid input"; configuring the
 * English messages here, once, keeps what the curator reads. Only the English locale file
 * is imported: `zod/locales` would bring every language.
 */
z.config(en());

export { z };
