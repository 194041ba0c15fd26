import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectionSchema } from '@vitrine/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOLD_COLLECTION_LOCK_SCRIPT as HOLDER, snapshotFolder } from '@vitrine/pipeline/testing';

// Real `vitrine` processes at once on one collection: what curators do with two terminals,
// a script, or a batch ingest beside `vitrine serve --edit`.
const HERE = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(HERE, '../bin/vitrine.js');

let work: string;

/** A binary STL box; each size gives other bytes, so each file is another scan. */
function writeBoxStl(file: string, size: [number, number, number]): string {
  const [x, y, z] = size;
  const v = [
    [0, 0, 0],
    [x, 0, 0],
    [x, y, 0],
    [0, y, 0],
    [0, 0, z],
    [x, 0, z],
    [x, y, z],
    [0, y, z],
  ];
  const faces = [
    [0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7], [0, 1, 5], [0, 5, 4],
    [1, 2, 6], [1, 6, 5], [2, 3, 7], [2, 7, 6], [3, 0, 4], [3, 4, 7],
  ]; // prettier-ignore
  const bytes = Buffer.alloc(84 + 50 * faces.length);
  bytes.writeUInt32LE(faces.length, 80);
  faces.forEach((face, index) => {
    let offset = 84 + 50 * index + 12;
    for (const corner of face) for (const value of v[corner]!) offset = bytes.writeFloatLE(value, offset);
  });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return file;
}

function vitrine(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

function listedIds(collection: string): string[] {
  const index = collectionSchema.parse(JSON.parse(readFileSync(path.join(collection, 'index.json'), 'utf8')));
  return index.artefacts.map((entry) => entry.id).sort();
}

const scans = (prefix: string, count: number, offset = 0) =>
  Array.from({ length: count }, (_, index) =>
    writeBoxStl(path.join(work, 'scans', `${prefix}-${index}.stl`), [10 + index + offset, 20, 5 + index]),
  );

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-concurrent-'));
});

describe('several hands on one collection', () => {
  it('lists every file of one ingest of 8, every time (10 runs)', async () => {
    const files = scans('one', 8);
    for (let run = 0; run < 10; run++) {
      const collection = path.join(work, `one-${run}`);
      const result = await vitrine(['ingest', ...files, '--collection', collection, '--no-poster']);
      expect(result.code, result.stderr).toBe(0);
      expect(listedIds(collection), `run ${run}`).toEqual(files.map((file) => path.basename(file, '.stl')).sort());
    }
  }, 300_000);

  it('lists every entry when two or three processes ingest into one collection at once (10 runs)', async () => {
    for (let run = 0; run < 10; run++) {
      const collection = path.join(work, `many-${run}`);
      const processes = run % 2 === 0 ? 2 : 3;
      const batches = Array.from({ length: processes }, (_, batch) => scans(`p${batch}`, 3, batch * 10));
      const results = await Promise.all(
        batches.map((files) => vitrine(['ingest', ...files, '--collection', collection, '--no-poster'])),
      );
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      expect(listedIds(collection), `run ${run}`).toEqual(
        batches
          .flat()
          .map((file) => path.basename(file, '.stl'))
          .sort(),
      );
    }
  }, 300_000);

  it('goes on after a lock holder is killed with kill -9, and the collection stays valid', async () => {
    const collection = path.join(work, 'killed-holder');
    const [first, second] = scans('held', 2);
    expect((await vitrine(['ingest', first!, '--collection', collection, '--no-poster'])).code).toBe(0);
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, collection], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
    holder.kill('SIGKILL');
    const result = await vitrine(['ingest', second!, '--collection', collection, '--no-poster']);
    expect(result.code, result.stderr).toBe(0);
    expect(listedIds(collection)).toEqual(['held-0', 'held-1']);
  }, 120_000);

  it('lists again an artefact whose entry was deleted from index.json, on an unchanged re-ingest', async () => {
    const collection = path.join(work, 'relisted');
    const [file] = scans('relisted', 1);
    expect((await vitrine(['ingest', file!, '--collection', collection, '--no-poster'])).code).toBe(0);
    const indexFile = path.join(collection, 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { artefacts: unknown[] };
    writeFileSync(indexFile, JSON.stringify({ ...index, artefacts: [] }));
    const again = await vitrine(['ingest', file!, '--collection', collection, '--no-poster']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('unchanged (relisted-0)');
    expect(listedIds(collection)).toEqual(['relisted-0']);
  }, 120_000);

  it('never lets a scan of the same name from another folder replace an artefact', async () => {
    const collection = path.join(work, 'same-name');
    // Exports every tool names alike take their folder's name.
    const generic = [
      writeBoxStl(path.join(work, 'a/scan.stl'), [1, 2, 3]),
      writeBoxStl(path.join(work, 'b/scan.stl'), [3, 2, 1]),
    ];
    for (const file of generic)
      expect((await vitrine(['ingest', file, '--collection', collection, '--no-poster'])).code).toBe(0);
    expect(listedIds(collection)).toEqual(['a', 'b']);

    // A name of its own is refused when another scan already has it, and nothing changes.
    const first = writeBoxStl(path.join(work, 'a/amphora.stl'), [1, 2, 3]);
    const second = writeBoxStl(path.join(work, 'b/amphora.stl'), [2, 2, 2]);
    expect((await vitrine(['ingest', first, '--collection', collection, '--no-poster'])).code).toBe(0);
    writeFileSync(
      path.join(work, 'notes.json'),
      JSON.stringify({
        schemaVersion: 1,
        layers: [{ id: 'l', label: { en: 'L' }, colour: '#336699', visible: true }],
        annotations: [],
      }),
    );
    const annotated = await vitrine([
      'ingest',
      first,
      '--collection',
      collection,
      '--no-poster',
      '--annotations',
      path.join(work, 'notes.json'),
    ]);
    expect(annotated.code, annotated.stderr).toBe(0);
    const before = snapshotFolder(collection);
    const refused = await vitrine(['ingest', second, '--collection', collection, '--no-poster']);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /the collection already has "amphora", made from another amphora\.stl .*--id b-amphora.*--replace/,
      ),
    ]);
    expect(snapshotFolder(collection)).toEqual(before);

    const replaced = await vitrine(['ingest', second, '--collection', collection, '--no-poster', '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(collection, 'amphora/artefact.json'), 'utf8')) as {
      annotations?: string;
      warnings: string[];
    };
    expect(manifest.annotations).toBe('annotations.json');
    expect(manifest.warnings.join('\n')).toMatch(/kept the annotations of the scan it replaces/);
  }, 120_000);
});
