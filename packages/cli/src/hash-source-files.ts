import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * A fingerprint of the source files under some folders, by path (relative to `root`) and
 * content, tests and node_modules left out: what decides whether a build made from them
 * (the poster page, the sample collection) is stale.
 */
export async function hashSourceFiles(
  folders: readonly string[],
  root: string,
  pattern = /\.(tsx?|html|json)$/,
): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.name.includes('.test.'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`))
      .sort();
    for (const file of files) hash.update(path.relative(root, file)).update(await readFile(file));
  }
  return hash.digest('hex');
}
