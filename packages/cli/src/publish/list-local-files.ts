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

/** Every file under `folder` that is published, sorted by site path; symbolic links are followed. */
export async function listLocalFiles(folder: string): Promise<LocalFile[]> {
  const files: LocalFile[] = [];
  await collect(folder, '', files, new Set([await realpath(folder)]));
  return files.sort((a, b) => (a.sitePath < b.sitePath ? -1 : a.sitePath > b.sitePath ? 1 : 0));
}

async function collect(root: string, relative: string, files: LocalFile[], visited: Set<string>): Promise<void> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
    const absolutePath = path.join(root, childRelative);
    const stats = await stat(absolutePath);
    if (stats.isDirectory()) {
      // A link back up the tree would otherwise be walked forever.
      const real = await realpath(absolutePath);
      if (visited.has(real)) continue;
      visited.add(real);
      await collect(root, childRelative, files, visited);
    } else if (stats.isFile()) {
      // macOS may hand out decomposed letters (o + ¨); web addresses use composed ones (ö), so keys do too.
      files.push({ sitePath: childRelative.normalize('NFC'), absolutePath, size: stats.size });
    }
  }
}
