import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIO } from '@vitrine/pipeline';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './main.js';
import type { Output } from './output.js';
import { makeBoxDocument } from '@vitrine/pipeline/testing';

function capture(): Output & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), interactive: false };
}

let work: string;
let box: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-cli-'));
  box = path.join(work, 'box.glb');
  writeFileSync(box, await (await getIO()).writeBinary(makeBoxDocument().document));
});

describe('vitrine', () => {
  it('prints help and exits 0 with --help; 2 with no command', async () => {
    const output = capture();
    expect(await main(['--help'], output)).toBe(0);
    expect(output.stdout.join('\n')).toContain('vitrine ingest');
    expect(await main([], capture())).toBe(2);
  });

  it('exits 2 with one line for an unknown command or a bad option', async () => {
    for (const argv of [
      ['frobnicate'],
      ['ingest', box],
      ['ingest', box, '--collection', work, '--units', 'furlongs'],
      ['ingest', '--bogus'],
    ]) {
      const output = capture();
      expect(await main(argv, output), argv.join(' ')).toBe(2);
      expect(output.stderr).toHaveLength(1);
      expect(output.stderr[0]).toMatch(/^vitrine/);
    }
  });

  it('ingests a file, exit 0, and reports JSON for scripts', async () => {
    const output = capture();
    const collection = path.join(work, 'collection');
    expect(await main(['ingest', box, '--collection', collection, '--height', '30cm', '--json'], output)).toBe(0);
    const [outcome] = JSON.parse(output.stdout.join('\n')) as {
      ok: boolean;
      id: string;
      artefact: { dimensions: { height: number } };
    }[];
    expect(outcome!.ok).toBe(true);
    expect(outcome!.artefact.dimensions.height).toBeCloseTo(0.3, 6);
    // Progress goes to stderr as JSON lines, one event a step, so that stdout stays one document.
    const events = output.stderr.map((line) => JSON.parse(line) as { event: string; file: string; step: string });
    expect(events.filter((event) => event.event === 'step').map((event) => event.step)).toEqual(
      expect.arrayContaining(['read', 'check', 'normalize', 'derive mobile', 'write']),
    );
    expect(events.every((event) => event.file === box)).toBe(true);
    expect(existsSync(path.join(collection, 'box/artefact.json'))).toBe(true);
  });

  it('exits 1 when a file fails, with a one-line error naming it and no stack trace, and still writes the others', async () => {
    const bad = path.join(work, 'notes.glb');
    writeFileSync(bad, 'these are my notes, not a scan');
    const output = capture();
    const collection = path.join(work, 'mixed');
    expect(await main(['ingest', bad, box, '--collection', collection], output)).toBe(1);
    expect(output.stderr).toHaveLength(1);
    expect(output.stderr[0]).toContain('notes.glb');
    expect(output.stderr[0]).not.toMatch(/\n|at .*\.ts:\d+/);
    expect(existsSync(path.join(collection, 'box/artefact.json'))).toBe(true);
  });

  it('refuses a scan too large for --max-memory in one line before reading it, exit 1', async () => {
    const output = capture();
    const collection = path.join(work, 'small-machine');
    expect(await main(['ingest', box, '--collection', collection, '--max-memory', '0.5'], output)).toBe(1);
    expect(output.stderr).toHaveLength(1);
    expect(output.stderr[0]).toMatch(
      /^vitrine: .*box\.glb: box\.glb has about .* needs about .* of memory to ingest, more than the 0\.5 GB there is; /,
    );
    expect(existsSync(path.join(collection, 'box'))).toBe(false);
    expect(await main(['ingest', box, '--collection', collection, '--max-memory', 'lots'], capture())).toBe(2);
  });
});
