import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLLECTION_LOCK_NAME, withCollectionLock } from './collection-lock.js';

const HOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../testing/hold-collection-lock.ts');

const newCollection = () => mkdtempSync(path.join(tmpdir(), 'vitrine-lock-'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a real process that takes the lock and holds it; resolves once it holds it. */
async function startHolder(collection: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, collection], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the holder exited (${code}) before taking the lock`)));
  });
  return child;
}

describe('the collection lock', () => {
  it('lets one holder in at a time within a process', async () => {
    const collection = newCollection();
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withCollectionLock(collection, async () => {
          most = Math.max(most, ++inside);
          await pause(5);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(path.join(collection, COLLECTION_LOCK_NAME))).toBe(false);
  });

  it('is released when the task fails, and the failure is passed on', async () => {
    const collection = newCollection();
    await expect(
      withCollectionLock(collection, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await withCollectionLock(collection, async () => 'next')).toBe('next');
  });

  it('makes another process wait, and says the collection is busy when it waits too long', async () => {
    const collection = newCollection();
    const holder = await startHolder(collection);
    try {
      await expect(withCollectionLock(collection, async () => 'never', { waitMs: 500 })).rejects.toMatchObject({
        code: 'collection-busy',
        message: expect.stringMatching(/is locked by another vitrine command .* try again$/),
      });
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('is taken over from a holder killed with SIGKILL', async () => {
    const collection = newCollection();
    const holder = await startHolder(collection);
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const started = Date.now();
    expect(await withCollectionLock(collection, async () => 'taken over')).toBe('taken over');
    // Taken once stale (10 s untouched), not at once: a live holder is never robbed.
    expect(Date.now() - started).toBeGreaterThan(1_000);
  }, 60_000);

  it('takes over a stale lock left by a crash long ago', async () => {
    const collection = newCollection();
    const lock = path.join(collection, COLLECTION_LOCK_NAME);
    mkdirSync(lock);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, anHourAgo, anHourAgo);
    expect(await withCollectionLock(collection, async () => 'ok', { waitMs: 1_000 })).toBe('ok');
  });
});
