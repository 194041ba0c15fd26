import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PAGE_DIR = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the render page (three, its loaders and decoders) into static files with Vite.
 * A build rather than a dev server: no port to find free beside other engineers' servers,
 * no dependency pre-bundling that reloads the page mid-run, and the files are served to
 * Chromium straight from disk by request interception.
 */
export async function buildRenderPage(outDir: string, cacheDir: string): Promise<string> {
  await build({
    configFile: false,
    root: PAGE_DIR,
    base: '/',
    cacheDir,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
  return outDir;
}
