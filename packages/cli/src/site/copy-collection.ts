import { copyFile, mkdir, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isReallyInside } from './real-path-inside.js';

/**
 * Copies a collection for a static site, as `vitrine serve` would answer for it. Names
 * starting with '.' (an ingest's staging folders, the editor's temporary files) are left
 * out. A symbolic link that stays inside the collection is copied as the file or folder it
 * points at, since an object store or a CDN has no links and a link's target would not
 * travel with the site; one that leads out of the collection is left out and reported
 * with its path in the collection, so a site never carries what a link happened to reach.
 */
export async function copyCollection(
  collection: string,
  target: string,
  onOutsideLink: (relative: string) => void = () => {},
): Promise<void> {
  const realRoot = await realpath(collection);
  await copyFolder({ collection, realRoot, onOutsideLink }, '', target, [realRoot]);
}

interface Copy {
  collection: string;
  realRoot: string;
  onOutsideLink: (relative: string) => void;
}

/** `ancestors`: the real paths of the folders on the way here, so a link back up one is not copied forever. */
async function copyFolder(copy: Copy, relative: string, target: string, ancestors: readonly string[]): Promise<void> {
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(path.join(copy.collection, relative), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
    const source = path.join(copy.collection, childRelative);
    const inside = await isReallyInside(copy.realRoot, source);
    if (inside === undefined) continue;
    if (!inside) {
      copy.onOutsideLink(childRelative);
      continue;
    }
    const stats = await stat(source);
    if (stats.isDirectory()) {
      const real = await realpath(source);
      if (ancestors.includes(real)) continue;
      await copyFolder(copy, childRelative, path.join(target, entry.name), [...ancestors, real]);
    } else if (stats.isFile()) {
      await copyFile(source, path.join(target, entry.name));
    }
  }
}
