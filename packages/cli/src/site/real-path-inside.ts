import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * Whether `file` lies inside `realRoot` (a real path, links resolved) once every symbolic
 * link on its way is resolved: a link that leads out of the collection (`~/Documents`,
 * `/etc/passwd`) is outside however it is named. `undefined` when there is nothing there
 * (a missing file, a dangling link, a loop of links). Where the bytes come from is what
 * counts: a link that stays inside is inside.
 */
export async function isReallyInside(realRoot: string, file: string): Promise<boolean | undefined> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    if (NOTHING_THERE.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  const relative = path.relative(realRoot, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

const NOTHING_THERE = new Set(['ENOENT', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG']);
