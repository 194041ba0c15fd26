import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAtlasCount, generateLargeScan, largeScanSize, type LargeScan } from './large-scan.js';
import { largeScanLattice } from './large-scan-lattice.js';
import { latticeTriangleCount } from './lattice.js';

const OPTIONS = { triangles: 2000, atlases: 2, atlasSize: 64 } as const;

let first: string;
let second: string;
let scan: LargeScan;
let obj: ParsedObj;

beforeAll(async () => {
  first = await mkdtemp(path.join(tmpdir(), 'vitrine-large-scan-'));
  second = await mkdtemp(path.join(tmpdir(), 'vitrine-large-scan-'));
  scan = await generateLargeScan(first, OPTIONS);
  await generateLargeScan(second, OPTIONS);
  obj = parseObj(await readFile(scan.obj, 'utf8'));
});

afterAll(async () => {
  await rm(first, { recursive: true, force: true });
  await rm(second, { recursive: true, force: true });
});

describe('generateLargeScan', () => {
  it('writes the same bytes on every run, and no temporary file', async () => {
    const written = (await readdir(first)).sort();
    expect(written).toEqual(['bust.mtl', 'bust.obj', 'bust_atlas_1.jpg', 'bust_atlas_2.jpg']);
    for (const name of written) {
      const [a, b] = await Promise.all([readFile(path.join(first, name)), readFile(path.join(second, name))]);
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('has the triangles asked for, and says so', () => {
    expect(obj.faces.length).toBe(OPTIONS.triangles);
    expect(obj.faces.every((face) => face.length === 3)).toBe(true);
    expect(scan.triangles).toBe(OPTIONS.triangles);
    expect(largeScanSize(OPTIONS)).toMatchObject({
      triangles: scan.triangles,
      vertices: obj.positions.length / 3,
      uvs: obj.uvs.length / 2,
      atlases: 2,
    });
  });

  it('refers only to positions, UVs and normals that exist', () => {
    const [positions, uvs, normals] = [obj.positions.length / 3, obj.uvs.length / 2, obj.normals.length / 3];
    expect(normals).toBe(positions);
    for (const face of obj.faces) {
      for (const [v, vt, vn] of face) {
        expect(v).toBeGreaterThanOrEqual(1);
        expect(v).toBeLessThanOrEqual(positions);
        expect(vt).toBeGreaterThanOrEqual(1);
        expect(vt).toBeLessThanOrEqual(uvs);
        expect(vn).toBe(v);
      }
    }
    expect(obj.uvs.every((value) => value >= 0 && value <= 1)).toBe(true);
  });

  it('is a bust in millimetres with Z up: 352 mm tall, a few hundred wide', () => {
    const extent = [0, 1, 2].map((axis) => {
      const values = obj.positions.filter((_, i) => i % 3 === axis);
      return Math.max(...values) - Math.min(...values);
    });
    expect(extent[2]).toBeGreaterThan(340);
    expect(extent[2]).toBeLessThan(365);
    expect(extent[0]).toBeGreaterThan(200);
    expect(extent[0]).toBeLessThan(340);
    expect(extent[1]).toBeGreaterThan(100);
    expect(extent[1]).toBeLessThan(250);
  });

  it('is a closed surface wound outwards, its normals agreeing', () => {
    const edges = new Map<string, number>();
    let volume = 0;
    let agreeing = 0;
    for (const face of obj.faces) {
      const [a, b, c] = face.map(([v]) => v - 1) as [number, number, number];
      for (const [p, q] of [
        [a, b],
        [b, c],
        [c, a],
      ] as const) {
        const key = p < q ? `${p} ${q}` : `${q} ${p}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
      const [pa, pb, pc] = [a, b, c].map((v) => obj.positions.subarray(v * 3, v * 3 + 3));
      const normal = cross(sub(pb!, pa!), sub(pc!, pa!));
      volume += dot(pa!, normal) / 6;
      const vertexNormal = obj.normals.subarray(a * 3, a * 3 + 3);
      if (dot(normal, vertexNormal) > 0) agreeing++;
    }
    expect([...edges.values()].every((count) => count === 2)).toBe(true);
    expect(volume).toBeGreaterThan(0);
    expect(agreeing / obj.faces.length).toBeGreaterThan(0.95);
  });

  it('names one material per atlas, each a JPEG of the size asked for', async () => {
    const mtl = await readFile(scan.mtl, 'utf8');
    const materials = [...mtl.matchAll(/^newmtl (\S+)$/gm)].map((match) => match[1]);
    const textures = [...mtl.matchAll(/^map_Kd (\S+)$/gm)].map((match) => match[1]);
    expect(textures).toEqual(scan.atlases.map((atlas) => path.basename(atlas)));
    expect(obj.materials).toEqual(materials);
    for (const atlas of scan.atlases) {
      const { format, width, height } = await sharp(atlas).metadata();
      expect([format, width, height]).toEqual(['jpeg', OPTIONS.atlasSize, OPTIONS.atlasSize]);
    }
  });
});

describe('generateLargeScan without normals', () => {
  it('writes no vn, and faces as v/vt', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'vitrine-large-scan-'));
    try {
      const bare = await generateLargeScan(folder, { ...OPTIONS, normals: false });
      const text = await readFile(bare.obj, 'utf8');
      expect(text).not.toMatch(/^vn /m);
      expect(text).toMatch(/^f \d+\/\d+ \d+\/\d+ \d+\/\d+$/m);
      expect(parseObj(text).faces.length).toBe(OPTIONS.triangles);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('largeScanLattice', () => {
  it('lands exactly on the counts the benchmark uses, with its default atlases', () => {
    for (const triangles of [3_000_000, 12_000_000, 30_000_000]) {
      expect(latticeTriangleCount(largeScanLattice(triangles))).toBe(triangles);
    }
    expect(defaultAtlasCount(3_000_000)).toBe(2);
    expect(defaultAtlasCount(12_000_000)).toBe(8);
  });

  it('comes within a row of any other count', () => {
    for (const triangles of [200_001, 299_999, 1_234_567]) {
      const lattice = largeScanLattice(triangles);
      expect(Math.abs(latticeTriangleCount(lattice) - triangles)).toBeLessThanOrEqual(2 * lattice.columns);
    }
  });
});

interface ParsedObj {
  positions: Float64Array;
  uvs: Float64Array;
  normals: Float64Array;
  /** Corners as [v, vt, vn], indices from 1 as written. */
  faces: [number, number, number][][];
  materials: string[];
}

function parseObj(text: string): ParsedObj {
  const positions: number[] = [];
  const uvs: number[] = [];
  const normals: number[] = [];
  const faces: [number, number, number][][] = [];
  const materials: string[] = [];
  for (const line of text.split('\n')) {
    const [keyword, ...fields] = line.split(' ');
    if (keyword === 'v') positions.push(...fields.map(Number));
    else if (keyword === 'vt') uvs.push(...fields.map(Number));
    else if (keyword === 'vn') normals.push(...fields.map(Number));
    else if (keyword === 'usemtl') materials.push(fields[0]!);
    else if (keyword === 'f')
      faces.push(fields.map((corner) => corner.split('/').map(Number) as [number, number, number]));
  }
  return {
    positions: Float64Array.from(positions),
    uvs: Float64Array.from(uvs),
    normals: Float64Array.from(normals),
    faces,
    materials,
  };
}

const sub = (a: Float64Array, b: Float64Array) => [a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!];
const cross = (a: number[], b: number[]) => [
  a[1]! * b[2]! - a[2]! * b[1]!,
  a[2]! * b[0]! - a[0]! * b[2]!,
  a[0]! * b[1]! - a[1]! * b[0]!,
];
const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
