import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashSourceFiles } from '../hash-source-files.js';

/** The repository root: the demo app (src/, index.html, vite.config.ts) lives there. */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CACHE = path.join(ROOT, 'node_modules/.cache/vitrine-app');

/**
 * The exhibit app (the repository's src/) built for production, without any collection:
 * `vitrine serve` and `vitrine build` put the curator's collection beside it. Cached by a
 * hash of the app's, viewer's and core's sources, its build configuration and the locked
 * dependency versions, so only the first serve or build after a change pays for the build
 * (~30 s on two cores). The build goes to a staging folder renamed into place, so an
 * interrupted build never leaves half an app to be served.
 */
export async function appBuildFolder(log: (line: string) => void = () => {}): Promise<string> {
  const key = await appCodeKey();
  const folder = path.join(CACHE, key.slice(0, 16));
  if (existsSync(path.join(folder, 'index.html'))) return folder;
  log('building the exhibit app (once after each change to its code)…');
  const staging = `${folder}.${randomBytes(4).toString('hex')}`;
  const { build } = await import('vite');
  await build({
    root: ROOT,
    logLevel: 'silent',
    // public/ holds only the sample collection of `npm start`; a curator's collection replaces it.
    publicDir: false,
    build: { outDir: staging, emptyOutDir: true },
  });
  try {
    await rename(staging, folder);
  } catch {
    await rm(staging, { recursive: true, force: true }); // another process built it first
  }
  await removeOlderBuilds(path.basename(folder));
  return folder;
}

async function appCodeKey(): Promise<string> {
  const sources = await hashSourceFiles(
    ['src', 'packages/viewer/src', 'packages/core/src', 'tools/vite'].map((folder) => path.join(ROOT, folder)),
    ROOT,
    /\.(tsx?|css|json|html)$/,
  );
  const hash = createHash('sha256').update(sources);
  for (const file of ['index.html', 'vite.config.ts', 'package-lock.json']) {
    hash.update(await readFile(path.join(ROOT, file)).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}

async function removeOlderBuilds(keep: string): Promise<void> {
  const entries = await readdir(CACHE).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => entry !== keep && !entry.includes('.'))
      .map((entry) => rm(path.join(CACHE, entry), { recursive: true, force: true })),
  );
}
