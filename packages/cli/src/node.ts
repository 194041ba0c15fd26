/**
 * The CLI's building blocks for the project's own tools and tests (Node only): the browser,
 * the servers, the site builder and the poster, as `@vitrine/cli/node`, so that nothing
 * outside the package imports its src by path.
 */
export { ChromiumNotFound, ensureChromium, findChromium } from './browser/find-chromium.js';
export { CHROMIUM_ARGS, launchChromium } from './browser/launch-chromium.js';
export { hashSourceFiles } from './hash-source-files.js';
export { renderPoster } from './poster/render-poster.js';
export { serveFolders, type FolderServer } from './poster/serve-folders.js';
export { buildSite } from './site/build-site.js';
export { serveCollection, type RunningSite } from './site/serve-collection.js';
