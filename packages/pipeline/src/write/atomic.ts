import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never half of either:
 * write beside it under a temporary name, then rename (atomic on one filesystem).
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A temporary folder beside (not inside) the collection, on the same filesystem so the
 * finished artefact can be renamed into place. Killed ingests leave it outside the
 * collection, where nothing reads it.
 */
export async function makeStagingFolder(collection: string, id: string): Promise<string> {
  const parent = path.dirname(path.resolve(collection));
  const folder = path.join(parent, `.${path.basename(collection)}.staging-${id}-${randomBytes(6).toString('hex')}`);
  await mkdir(folder, { recursive: true });
  return folder;
}

/**
 * Moves a finished staging folder to `target`, replacing what was there. The old folder
 * is first renamed aside, then removed, so a reader sees the old or the new artefact.
 */
export async function replaceFolder(staging: string, target: string): Promise<void> {
  const aside = `${staging}.old`;
  let hadOld = false;
  try {
    await rename(target, aside);
    hadOld = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadOld) await rename(aside, target);
    throw error;
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
}
