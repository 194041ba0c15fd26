import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** A file of the folder being published. */
export interface LocalFile {
  /** Its path inside the folder, with forward slashes and NFC letters: its object key, less the target's prefix. */
  sitePath: string;
  absolutePath: string;
  size: number;
}

/**
 * Names starting with '.' are left out at any depth: .DS_Store, .git, editors' swap files and
 * the pipeline's half-written `.name.xxxx.tmp` files are never part of an exhibit.
 */
export function isHiddenPath(sitePath: string): boolean {
  return sitePath.split('/').some((segment) => segment.startsWith('.'));
}

/**
 * Every file under `folder` that is published, sorted by site path. Symbolic links are
 * followed while they stay inside the folder; a file or folder reached through a link
 * that leads out of it (`~/Documents`, `/etc`) is left out and passed to `onOutsideLink`:
 * a publish sends what the folder holds, never what a link happens to point at.
 */
export async function listLocalFiles(folder: string, onOutsideLink?: (sitePath: string) => void): Promise<LocalFile[]> {
  const files: LocalFile[] = [];
  const root = await realpath(folder);
  const walk: Walk = { folder, root, files, visited: new Set([root]), onOutsideLink: onOutsideLink ?? (() => {}) };
  await collect(walk, '', root);
  return files.sort((a, b) => (a.sitePath < b.sitePath ? -1 : a.sitePath > b.sitePath ? 1 : 0));
}

interface Walk {
  folder: string;
  /** The folder's real path, links resolved: what "inside" is measured against. */
  root: string;
  files: LocalFile[];
  visited: Set<string>;
  onOutsideLink: (sitePath: string) => void;
}

async function collect(walk: Walk, relative: string, realFolder: string): Promise<void> {
  const entries = await readdir(path.join(walk.folder, relative), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
    const absolutePath = path.join(walk.folder, childRelative);
    // Only a link can lead out: anything else lies where its folder does.
    const real = entry.isSymbolicLink() ? await realpath(absolutePath) : path.join(realFolder, entry.name);
    if (!isInside(walk.root, real)) {
      walk.onOutsideLink(childRelative.normalize('NFC'));
      continue;
    }
    const stats = await stat(absolutePath);
    if (stats.isDirectory()) {
      // A link back up the tree would otherwise be walked forever.
      if (walk.visited.has(real)) continue;
      walk.visited.add(real);
      await collect(walk, childRelative, real);
    } else if (stats.isFile()) {
      // macOS may hand out decomposed letters (o + ¨); web addresses use composed ones (ö), so keys do too.
      walk.files.push({ sitePath: childRelative.normalize('NFC'), absolutePath, size: stats.size });
    }
  }
}

function isInside(root: string, real: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
