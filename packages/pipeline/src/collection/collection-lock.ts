import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { ScanError } from '../errors.js';

/**
 * The lock's own name inside the collection. It starts with a dot, so `vitrine serve` never
 * serves it, `build` never copies it and `publish` never uploads it.
 */
export const COLLECTION_LOCK_NAME = '.vitrine.lock';

export const COLLECTION_LOCK_DEFAULTS = Object.freeze({
  /**
   * How long to wait for another holder before giving up. Holders keep the lock only to
   * rename a finished artefact into place and rewrite a few small JSON files, well under a
   * second; the wait must outlast `staleMs`, so that a holder killed with `kill -9` is
   * taken over rather than reported.
   */
  waitMs: 60_000,
  /**
   * A lock whose holder has not touched it for this long is taken over: the holder died.
   * proper-lockfile refreshes it every staleMs / 2 while the holder lives.
   */
  staleMs: 10_000,
});

export interface CollectionLockOptions {
  /** Milliseconds to wait for the lock before a ScanError `collection-busy`. */
  waitMs?: number;
  /**
   * The task only reads (build, export): on a collection this user cannot write to (a
   * read-only mount, another user's files), nobody can change it either, so the task runs
   * without the lock instead of failing.
   */
  readOnly?: boolean;
}

const CANNOT_WRITE = new Set(['EACCES', 'EPERM', 'EROFS']);

// Callers in one process queue here instead of polling the lock folder against each other.
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` while holding the collection's lock: one holder at a time across every
 * process and thread on this machine (ingests, `vitrine serve --edit`, builds). The lock
 * is a folder made with mkdir (atomic on every local filesystem), kept fresh by its
 * holder and taken over once stale, so a killed holder never blocks the collection.
 * Every read-modify-write of index.json, an artefact folder or annotations.json runs in here.
 */
export async function withCollectionLock<T>(
  collection: string,
  task: () => Promise<T>,
  options: CollectionLockOptions = {},
): Promise<T> {
  const folder = path.resolve(collection);
  const deadline = Date.now() + (options.waitMs ?? COLLECTION_LOCK_DEFAULTS.waitMs);
  const previous = queues.get(folder) ?? Promise.resolve();
  const run = (async () => {
    // The queue is waited on only until the deadline; past it, the lock folder itself says busy.
    await Promise.race([previous, sleep(deadline - Date.now())]);
    return holdLock(folder, task, deadline, options.readOnly ?? false);
  })();
  const settled = run.catch(() => undefined);
  queues.set(folder, settled);
  void settled.then(() => {
    if (queues.get(folder) === settled) queues.delete(folder);
  });
  return run;
}

async function holdLock<T>(folder: string, task: () => Promise<T>, deadline: number, readOnly: boolean): Promise<T> {
  if (!readOnly) await mkdir(folder, { recursive: true });
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await acquire(folder, deadline, (error) => {
      compromised = error;
    });
  } catch (error) {
    if (readOnly && CANNOT_WRITE.has((error as NodeJS.ErrnoException).code ?? '')) return task();
    throw error;
  }
  let result: T;
  try {
    result = await task();
  } finally {
    await release().catch(() => undefined);
  }
  if (compromised) {
    throw new ScanError(
      `the lock of ${folder} was lost while in use (${compromised.message}); check that the collection is intact and run the command again`,
      'collection-busy',
      { cause: compromised },
    );
  }
  return result;
}

async function acquire(folder: string, deadline: number, onCompromised: (error: Error) => void) {
  const started = Date.now();
  let pause = 10;
  for (;;) {
    try {
      return await lockfile.lock(folder, {
        lockfilePath: path.join(folder, COLLECTION_LOCK_NAME),
        realpath: false,
        stale: COLLECTION_LOCK_DEFAULTS.staleMs,
        retries: 0,
        // The default throws from a timer, which would crash the process.
        onCompromised,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() >= deadline) {
        throw new ScanError(
          `${folder} is locked by another vitrine command (an ingest or the editor) that has not finished after ${Math.round((Date.now() - started) / 1000)} s; wait for it and try again`,
          'collection-busy',
        );
      }
      await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
      pause = Math.min(pause * 2, 200);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)).unref());
}
