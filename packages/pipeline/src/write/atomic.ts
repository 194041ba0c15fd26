import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that readers, and the disk after a power cut, hold the old content or
 * the new, never half of either: a temporary file in the same folder (rename is atomic
 * only within one filesystem), flushed to disk, renamed over the target, and the folder
 * flushed so the rename itself is durable. The temporary name starts with a dot, which
 * `vitrine serve` never serves and `vitrine build` never copies, and is removed on any failure.
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

/**
 * Staging folders of a collection are named `.<collection>.staging-<pid>-<id>-<random>`:
 * the pid tells a live ingest's folder from one a killed process left behind.
 */
function stagingPrefix(collection: string): string {
  return `.${path.basename(path.resolve(collection))}.staging-`;
}

/**
 * A temporary folder beside (not inside) the collection, on the same filesystem so the
 * finished artefact can be renamed into place. A killed ingest leaves it outside the
 * collection, where nothing reads it.
 */
export async function makeStagingFolder(collection: string, id: string): Promise<string> {
  const parent = path.dirname(path.resolve(collection));
  const folder = path.join(
    parent,
    `${stagingPrefix(collection)}${process.pid}-${id}-${randomBytes(6).toString('hex')}`,
  );
  await mkdir(folder, { recursive: true });
  return folder;
}

const ASIDE_SUFFIX = '.old';

/**
 * Moves a finished staging folder to `target`, replacing what was there. The old folder
 * is first renamed aside, then removed, so a reader sees the old or the new artefact. A
 * process killed between the two renames leaves the old folder aside, named after its
 * target; recoverInterruptedReplacements puts it back.
 */
export async function replaceFolder(staging: string, target: string): Promise<void> {
  const aside = `${staging}${ASIDE_SUFFIX}`;
  await writeFile(`${aside}.target`, path.basename(target));
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
  } finally {
    await rm(`${aside}.target`, { force: true });
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
}

/**
 * Undoes what a killed ingest left half-done beside the collection: an old artefact
 * folder renamed aside whose replacement never arrived goes back in place, and staging
 * folders of processes that no longer run are removed. With `ownPid`, this process's own
 * folders are removed too (after Ctrl-C, once its workers are stopped).
 */
export async function recoverInterruptedReplacements(collection: string, ownPid?: number): Promise<void> {
  const parent = path.dirname(path.resolve(collection));
  const prefix = stagingPrefix(collection);
  const names = (await readdir(parent).catch(() => [] as string[])).filter((name) => name.startsWith(prefix));
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    const abandoned = pid === ownPid || !isProcessAlive(pid);
    if (!abandoned) continue;
    const full = path.join(parent, name);
    if (name.endsWith(`${ASIDE_SUFFIX}.target`)) {
      const aside = full.slice(0, -'.target'.length);
      const target = path.join(path.resolve(collection), (await readFile(full, 'utf8')).trim());
      if ((await exists(aside)) && !(await exists(target))) await rename(aside, target);
      await rm(full, { force: true });
    }
  }
  // A second pass: what is left of abandoned staging (asides already put back) goes.
  for (const name of (await readdir(parent).catch(() => [] as string[])).filter((n) => n.startsWith(prefix))) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid === ownPid || !isProcessAlive(pid)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}
