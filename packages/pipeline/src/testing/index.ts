// The pipeline's test helpers, for other packages' tests: `@vitrine/pipeline/testing`.
import { fileURLToPath } from 'node:url';

export { snapshotFolder } from './collection-snapshot.js';
export { makeBoxDocument } from './fixtures.js';

/** A script a test runs as its own process (`node --import tsx <script> <collection>`) to hold a collection's lock. */
export const HOLD_COLLECTION_LOCK_SCRIPT = fileURLToPath(new URL('./hold-collection-lock.ts', import.meta.url));
