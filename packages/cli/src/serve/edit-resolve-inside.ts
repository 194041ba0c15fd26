import { realpath } from 'node:fs/promises';
import path from 'node:path';

/**
 * The absolute path of `relative` inside `folder`, or undefined when it would lie outside,
 * by its letters ("..", an absolute path) or through a symbolic link on the way: the
 * deepest part that exists is resolved to its real place before comparing. `folder`
 * must be a real path already.
 */
export async function resolveInside(folder: string, relative: string): Promise<string | undefined> {
  const candidate = path.resolve(folder, relative);
  if (!isInside(folder, candidate)) return undefined;
  let existing = candidate;
  let rest = '';
  for (;;) {
    try {
      const real = path.join(await realpath(existing), rest);
      return isInside(folder, real) ? real : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || existing === folder) throw error;
      rest = path.join(path.basename(existing), rest);
      existing = path.dirname(existing);
    }
  }
}

/** Strictly inside: the folder itself is not a file in it. */
export function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}
