import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that readers, and the disk after a power cut, hold the old content or
 * the new, never half of either: a temporary file in the same folder (rename is atomic
 * only within one filesystem), flushed to disk, renamed over the target, and the folder
 * flushed so the rename itself is durable. The temporary name starts with a dot, which
 * the site server never serves, and is removed on any failure.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const folder = path.dirname(file);
  const temporary = path.join(folder, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Best effort: some systems (Windows) cannot open a folder to flush it; the rename is done either way. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is written and renamed; only its durability across a power cut is less sure.
  }
}
