import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashSourceFiles } from '../hash-source-files.js';

/**
 * The viewer's poster page (packages/viewer/poster), built for production with Vite and
 * cached under node_modules/.cache by a hash of the viewer's and core's sources: the
 * first poster after a change to the viewer pays for one build (~10 s), later ones none.
 * Built rather than served by a dev server so that the poster shows exactly what a
 * visitor's browser would.
 */
const PACKAGES = fileURLToPath(new URL('../../../', import.meta.url));
const POSTER_ROOT = path.join(PACKAGES, 'viewer/poster');
const CACHE = path.join(PACKAGES, '../node_modules/.cache/vitrine-poster');

export async function posterPageFolder(): Promise<string> {
  const key = await hashSourceFiles([path.join(PACKAGES, 'viewer'), path.join(PACKAGES, 'core/src')], PACKAGES);
  const folder = path.join(CACHE, key.slice(0, 16));
  if (existsSync(path.join(folder, 'index.html'))) return folder;
  const staging = `${folder}.${randomBytes(4).toString('hex')}`;
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    root: POSTER_ROOT,
    base: './',
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir: staging, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  try {
    await rename(staging, folder);
  } catch {
    await rm(staging, { recursive: true, force: true }); // another worker built it first
  }
  return folder;
}
