import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artefactSchema } from '@vitrine/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateGlb } from './check/validate.js';
import { ingest } from './ingest.js';

let work: string;

/** A painting scanned as one surface: a 400 × 300 mm grid in the file's XY plane, nothing along Z. */
function flatGridObj(columns: number, rows: number): string {
  const lines: string[] = [];
  for (let row = 0; row <= rows; row++) {
    for (let column = 0; column <= columns; column++) {
      lines.push(`v ${(400 * column) / columns} ${(300 * row) / rows} 0`);
    }
  }
  const at = (row: number, column: number) => row * (columns + 1) + column + 1;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      lines.push(`f ${at(row, column)} ${at(row, column + 1)} ${at(row + 1, column + 1)} ${at(row + 1, column)}`);
    }
  }
  return lines.join('\n');
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-flat-'));
  writeFileSync(path.join(work, 'painting.obj'), flatGridObj(24, 18));
  writeFileSync(
    path.join(work, 'line.obj'),
    ['v 0 0 0', 'v 1 0 0', 'v 2 0 0', 'v 3 0 0', 'f 1 2 3', 'f 2 3 4'].join('\n'),
  );
});

describe('ingest of a flat scan', () => {
  it.each([
    ['z', 'lying', { width: 0.4, height: 0, depth: 0.3 }],
    ['y', 'standing', { width: 0.4, height: 0.3, depth: 0 }],
  ] as const)('with %s up: shows it %s, every derivative validator-clean', async (up, _pose, expected) => {
    const collection = path.join(work, `collection-${up}`);
    const result = await ingest({
      file: path.join(work, 'painting.obj'),
      collection,
      size: { kind: 'units', unit: 'mm' },
      up,
    });
    const artefact = artefactSchema.parse(
      JSON.parse(readFileSync(path.join(collection, result.id, 'artefact.json'), 'utf8')),
    );
    expect(artefact.dimensions.width).toBeCloseTo(expected.width, 6);
    expect(artefact.dimensions.height).toBeCloseTo(expected.height, 6);
    expect(artefact.dimensions.depth).toBeCloseTo(expected.depth, 6);
    for (const derivative of artefact.derivatives.filter((entry) => entry.url.endsWith('.glb'))) {
      const glb = new Uint8Array(readFileSync(path.join(collection, result.id, derivative.url)));
      expect((await validateGlb(glb, derivative.url)).errors, derivative.profile).toEqual([]);
    }
  });

  it('refuses a scan whose points all lie on one line, in one line', async () => {
    const reading = ingest({ file: path.join(work, 'line.obj'), collection: path.join(work, 'line') });
    await expect(reading).rejects.toMatchObject({ code: 'no-geometry' });
    await expect(reading).rejects.toThrow(/^[^\n]*(one line|no triangles)[^\n]*$/);
  });
});
