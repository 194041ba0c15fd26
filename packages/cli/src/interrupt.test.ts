import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectionSchema } from '@vitrine/core';
import { getIO, ingest } from '@vitrine/pipeline';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeBoxDocument, snapshotFolder } from '@vitrine/pipeline/testing';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/vitrine.js');

let work: string;
let bigScan: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-kill-'));
  bigScan = path.join(work, 'big.glb');
  // ~500k triangles: long enough in simplification to be caught mid-way.
  writeFileSync(bigScan, await (await getIO()).writeBinary(makeBoxDocument({ segments: 200 }).document));
});

function stagingLeftovers(collection: string): string[] {
  return readdirSync(path.dirname(collection)).filter((name) =>
    name.startsWith(`.${path.basename(collection)}.staging-`),
  );
}

/** Starts an ingest that replaces `box`, waits until it is building, then sends `signal`. */
async function interruptIngest(collection: string, signal: NodeJS.Signals): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [BIN, 'ingest', bigScan, '--collection', collection, '--id', 'box', '--replace'],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (stagingLeftovers(collection).length === 0) {
    if (Date.now() > deadline) throw new Error('the ingest never started building');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill(signal);
  return exited;
}

async function collectionWithOneBox(name: string): Promise<string> {
  const collection = path.join(work, name);
  const small = path.join(work, 'small.glb');
  writeFileSync(small, await (await getIO()).writeBinary(makeBoxDocument().document));
  await ingest({ file: small, collection, id: 'box' });
  return collection;
}

describe('an interrupted ingest', () => {
  it('killed outright (SIGKILL) leaves the collection unchanged and valid; the next ingest sweeps the leftovers', async () => {
    const collection = await collectionWithOneBox('killed');
    const before = snapshotFolder(collection);
    await interruptIngest(collection, 'SIGKILL');
    expect(snapshotFolder(collection)).toEqual(before);
    collectionSchema.parse(JSON.parse(readFileSync(path.join(collection, 'index.json'), 'utf8')));
    await ingest({ file: bigScan, collection, id: 'other', force: true });
    expect(stagingLeftovers(collection)).toEqual([]);
  });

  it('stopped with Ctrl-C (SIGINT) exits 130, leaves the collection unchanged and cleans up after itself', async () => {
    const collection = await collectionWithOneBox('interrupted');
    const before = snapshotFolder(collection);
    expect(await interruptIngest(collection, 'SIGINT')).toBe(130);
    expect(snapshotFolder(collection)).toEqual(before);
    expect(stagingLeftovers(collection)).toEqual([]);
  });
});
