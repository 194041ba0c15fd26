import { statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../ingest.js';
import { getIO } from '../io.js';
import { DEFAULT_CHUNK_BYTES } from '../read/file-chunks.js';
import { readScan } from '../read/index.js';
import { realScan } from '../read/test-fixtures.js';
import { makeBoxDocument } from '../testing/fixtures.js';
import { estimateTriangles } from './estimate-triangles.js';
import { BASELINE_BYTES, PEAK_BYTES_PER_TRIANGLE, TEXTURE_BYTES, planMemory } from './memory-plan.js';

let work: string;
const sourceOf = (file: string) => ({ file, byteLength: statSync(file).size, chunkBytes: DEFAULT_CHUNK_BYTES });

/** A grid of `size`² quads as a textured photogrammetry export writes it: v, vt, vn, then faces. */
function gridObj(size: number, faces: 'quads' | 'triangles'): { text: string; triangles: number } {
  const lines: string[] = [];
  for (let row = 0; row <= size; row++) {
    for (let column = 0; column <= size; column++) {
      const height = Math.sin(row * 0.3) * Math.cos(column * 0.2);
      lines.push(`v ${(column * 1.234567).toFixed(6)} ${(row * 0.987654).toFixed(6)} ${height.toFixed(6)}`);
    }
  }
  for (let row = 0; row <= size; row++) {
    for (let column = 0; column <= size; column++)
      lines.push(`vt ${(column / size).toFixed(6)} ${(row / size).toFixed(6)}`);
  }
  for (let index = 0; index < (size + 1) ** 2; index++) lines.push('vn 0.000000 0.000000 1.000000');
  const at = (row: number, column: number) => row * (size + 1) + column + 1;
  const corner = (index: number) => `${index}/${index}/${index}`;
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const [a, b, c, d] = [at(row, column), at(row, column + 1), at(row + 1, column + 1), at(row + 1, column)];
      if (faces === 'quads') lines.push(`f ${[a, b, c, d].map(corner).join(' ')}`);
      else lines.push(`f ${[a, b, c].map(corner).join(' ')}`, `f ${[a, c, d].map(corner).join(' ')}`);
    }
  }
  return { text: `${lines.join('\n')}\n`, triangles: 2 * size * size };
}

/** A PLY whose header promises 40 million faces, and whose body is cut off after a few bytes. */
const HUGE_PLY_HEADER = [
  'ply',
  'format binary_little_endian 1.0',
  'element vertex 20000000',
  'property float x',
  'property float y',
  'property float z',
  'element face 40000000',
  'property list uchar int vertex_indices',
  'end_header',
  '',
].join('\n');

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'vitrine-plan-'));
  for (const faces of ['quads', 'triangles'] as const)
    writeFileSync(path.join(work, `${faces}.obj`), gridObj(300, faces).text);
  writeFileSync(path.join(work, 'huge.ply'), `${HUGE_PLY_HEADER}\u0000\u0000\u0000`);
  writeFileSync(
    path.join(work, 'box.glb'),
    await (await getIO()).writeBinary(makeBoxDocument({ segments: 10 }).document),
  );
});

describe('the triangle estimate, before a scan is read', () => {
  it.each(['quads', 'triangles'])('estimates an OBJ of %s from a sample of its lines, within 25 %', (faces) => {
    const estimate = estimateTriangles(sourceOf(path.join(work, `${faces}.obj`)), 'obj');
    expect(estimate.basis).toBe('sampled');
    expect(estimate.triangles / 180_000).toBeGreaterThan(0.75);
    expect(estimate.triangles / 180_000).toBeLessThan(1.25);
  });

  it('takes the counts a PLY header and a GLB say', () => {
    expect(estimateTriangles(sourceOf(path.join(work, 'huge.ply')), 'ply')).toEqual({
      triangles: 40_000_000,
      basis: 'header',
    });
    // Six faces of 10 × 10 quads.
    expect(estimateTriangles(sourceOf(path.join(work, 'box.glb')), 'glb').triangles).toBe(1200);
  });

  const mask = realScan('bali-mask-obj/mask.obj');
  it.skipIf(!mask.present)('estimates the real Bali mask OBJ (100,000 triangles) within 25 %', () => {
    const { triangles } = estimateTriangles(sourceOf(mask.file), 'obj');
    expect(triangles / 100_000).toBeGreaterThan(0.75);
    expect(triangles / 100_000).toBeLessThan(1.25);
  });
});

describe('the memory plan', () => {
  it('costs the baseline, one decoded texture and a measured amount a triangle', () => {
    const plan = planMemory(sourceOf(path.join(work, 'huge.ply')), 'ply', 8e9);
    expect(plan.bytes).toBe(BASELINE_BYTES + TEXTURE_BYTES + 40e6 * PEAK_BYTES_PER_TRIANGLE);
  });

  it('refuses a scan too large for the memory in one line, before reading it (its body is cut short)', async () => {
    const reading = readScan(path.join(work, 'huge.ply'), { memoryLimit: 8e9 });
    await expect(reading).rejects.toMatchObject({ code: 'too-large' });
    await expect(reading).rejects.toThrow(
      /^huge\.ply has about 40\.0 million triangles and needs about 12\.6 GB of memory to ingest, more than the 8\.0 GB there is; decimate it to under 23\.6 million triangles in your scanning software, or ingest it on a machine with 14\.9 GB of memory$/,
    );
  });

  it('lets a scan that fits go on, and ingest passes the limit to the read', async () => {
    await expect(readScan(path.join(work, 'box.glb'), { memoryLimit: 8e9 })).resolves.toMatchObject({ format: 'glb' });
    const ingesting = ingest({
      file: path.join(work, 'box.glb'),
      collection: path.join(work, 'c'),
      memoryLimit: 0.5e9,
    });
    await expect(ingesting).rejects.toMatchObject({ code: 'too-large' });
  });
});
