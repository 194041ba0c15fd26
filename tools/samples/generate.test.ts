import { NodeIO } from '@gltf-transform/core';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amphoraTriangleCount, buildAmphoraMesh } from './amphora-mesh.js';
import { bustTriangleCount } from './bust-ply.js';
import { generateSamples, type SampleFile } from './generate.js';
import { AMPHORA_SIZES, BUST_SIZES, TABLET_SIZES } from './scales.js';
import { buildTablet, tabletTriangleCount } from './tablet-mesh.js';

let first: string;
let second: string;
let files: SampleFile[];

beforeAll(async () => {
  first = await mkdtemp(path.join(tmpdir(), 'vitrine-samples-'));
  second = await mkdtemp(path.join(tmpdir(), 'vitrine-samples-'));
  files = await generateSamples(first, { scale: 'small' });
  await generateSamples(second, { scale: 'small' });
});

afterAll(async () => {
  await rm(first, { recursive: true, force: true });
  await rm(second, { recursive: true, force: true });
});

const sample = (name: string): SampleFile => files.find((file) => file.name === name)!;

describe('generateSamples', () => {
  it('writes the same bytes on every run', async () => {
    const written = (await readdir(first, { recursive: true })).sort();
    expect(written).toEqual([
      'amphora.glb',
      'bust.ply',
      'tablet',
      'tablet/tablet.mtl',
      'tablet/tablet.obj',
      'tablet/tablet_diffuse.jpg',
    ]);
    for (const name of written.filter((entry) => entry.includes('.'))) {
      const [a, b] = await Promise.all([readFile(path.join(first, name)), readFile(path.join(second, name))]);
      expect(a.equals(b), name).toBe(true);
    }
  });

  it('describes each file with its units and up axis', () => {
    expect(files.map(({ name, format, units, up }) => [name, format, units, up])).toEqual([
      ['amphora', 'glb', 'm', 'y'],
      ['bust', 'ply', 'mm', 'z'],
      ['tablet', 'obj', 'cm', 'y'],
    ]);
    expect(sample('bust').description).toContain('--units mm --up z');
  });
});

describe('amphora.glb', () => {
  it('is a textured, normal-mapped scan mesh with the triangles its size promises', async () => {
    const document = await new NodeIO().read(sample('amphora').path);
    const [mesh] = document.getRoot().listMeshes();
    const primitive = mesh!.listPrimitives()[0]!;
    expect(mesh!.getName()).toBe('Amphora');
    expect(document.getRoot().listNodes()[0]!.getName()).toBe('Amphora');
    expect(primitive.listSemantics().sort()).toEqual(['NORMAL', 'POSITION', 'TEXCOORD_0']);
    expect(primitive.getIndices()!.getCount() / 3).toBe(amphoraTriangleCount(AMPHORA_SIZES.small));
    expect(sample('amphora').triangles).toBe(amphoraTriangleCount(AMPHORA_SIZES.small));
    const texture = primitive.getMaterial()!.getBaseColorTexture()!;
    expect(texture.getMimeType()).toBe('image/jpeg');
    const { width, height } = await sharp(texture.getImage()!).metadata();
    expect([width, height]).toEqual([AMPHORA_SIZES.small.textureSize, AMPHORA_SIZES.small.textureSize]);
    const [min, max] = [primitive.getAttribute('POSITION')!.getMin([]), primitive.getAttribute('POSITION')!.getMax([])];
    expect(min[1]).toBeCloseTo(0, 2);
    expect(max[1]! - min[1]!).toBeGreaterThan(0.44);
    expect(max[1]! - min[1]!).toBeLessThan(0.47);
  });

  it('has a UV atlas of many islands with real seams', async () => {
    const primitive = (await new NodeIO().read(sample('amphora').path)).getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    const positions = primitive.getAttribute('POSITION')!.getArray()!;
    const uvs = primitive.getAttribute('TEXCOORD_0')!.getArray()!;
    const indices = primitive.getIndices()!.getArray()!;
    expect(Math.min(...uvs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uvs)).toBeLessThanOrEqual(1);
    expect(countIslands(indices, positions.length / 3)).toBeGreaterThanOrEqual(60);
    const uvsAtPosition = new Map<string, Set<string>>();
    for (let v = 0; v < positions.length / 3; v++) {
      const key = Array.from(positions.subarray(v * 3, v * 3 + 3)).join();
      const set = uvsAtPosition.get(key) ?? new Set<string>();
      set.add(Array.from(uvs.subarray(v * 2, v * 2 + 2)).join());
      uvsAtPosition.set(key, set);
    }
    const seamPositions = [...uvsAtPosition.values()].filter((set) => set.size > 1).length;
    expect(seamPositions).toBeGreaterThan(1000);
  });

  it('has normals that agree with the winding (faces point outwards)', async () => {
    const primitive = (await new NodeIO().read(sample('amphora').path)).getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    const positions = primitive.getAttribute('POSITION')!.getArray() as Float32Array;
    const normals = primitive.getAttribute('NORMAL')!.getArray() as Float32Array;
    const indices = primitive.getIndices()!.getArray() as Uint32Array;
    expect(agreement(positions, normals, indices)).toBeGreaterThan(0.98);
  });

  it('at full scale has 280k-320k triangles, 60+ charts and a 4096² texture (mesh built, not baked)', () => {
    const mesh = buildAmphoraMesh(AMPHORA_SIZES.full);
    expect(mesh.indices.length / 3).toBe(amphoraTriangleCount(AMPHORA_SIZES.full));
    expect(mesh.indices.length / 3).toBeGreaterThanOrEqual(280_000);
    expect(mesh.indices.length / 3).toBeLessThanOrEqual(320_000);
    expect(mesh.charts.length).toBeGreaterThanOrEqual(60);
    expect(mesh.layout.size).toBe(4096);
    expect(mesh.layout.gutter).toBeGreaterThanOrEqual(4);
  });
});

describe('bust.ply', () => {
  it('is a binary little-endian PLY with normals and RGBA vertex colour, in millimetres with Z up', async () => {
    const bytes = await readFile(sample('bust').path);
    const end = bytes.indexOf('end_header\n') + 'end_header\n'.length;
    const header = bytes.subarray(0, end).toString('latin1').trim().split('\n');
    const vertices = Number(/^element vertex (\d+)$/m.exec(header.join('\n'))![1]);
    const faces = Number(/^element face (\d+)$/m.exec(header.join('\n'))![1]);
    expect(header.filter((line) => !line.startsWith('comment'))).toEqual([
      'ply',
      'format binary_little_endian 1.0',
      `element vertex ${vertices}`,
      ...['x', 'y', 'z', 'nx', 'ny', 'nz'].map((name) => `property float ${name}`),
      ...['red', 'green', 'blue', 'alpha'].map((name) => `property uchar ${name}`),
      `element face ${faces}`,
      'property list uchar int vertex_indices',
      'end_header',
    ]);
    expect(faces).toBe(bustTriangleCount(BUST_SIZES.small));
    expect(bytes.length).toBe(end + vertices * 28 + faces * 13);
    const view = new DataView(bytes.buffer, bytes.byteOffset + end);
    let top = -Infinity;
    const colours = new Set<number>();
    for (let v = 0; v < vertices; v++) {
      top = Math.max(top, view.getFloat32(v * 28 + 8, true));
      colours.add(view.getUint32(v * 28 + 24, true));
    }
    expect(top).toBeGreaterThan(340);
    expect(top).toBeLessThan(360);
    expect(colours.size).toBeGreaterThan(100);
    for (let f = 0; f < faces; f++) {
      const offset = vertices * 28 + f * 13;
      expect(view.getUint8(offset)).toBe(3);
      for (let corner = 0; corner < 3; corner++)
        expect(view.getInt32(offset + 1 + corner * 4, true)).toBeLessThan(vertices);
    }
  });
});

describe('tablet.obj', () => {
  it('references its MTL, which references a JPEG that exists', async () => {
    const folder = path.dirname(sample('tablet').path);
    const obj = await readFile(sample('tablet').path, 'utf8');
    const mtllib = /^mtllib (.+)$/m.exec(obj)![1]!;
    const usemtl = /^usemtl (.+)$/m.exec(obj)![1]!;
    const mtl = await readFile(path.join(folder, mtllib), 'utf8');
    expect(mtl).toMatch(new RegExp(`^newmtl ${usemtl}$`, 'm'));
    const texture = /^map_Kd (.+)$/m.exec(mtl)![1]!;
    const { width, height, format } = await sharp(path.join(folder, texture)).metadata();
    expect([format, width, height]).toEqual(['jpeg', TABLET_SIZES.small.textureSize, TABLET_SIZES.small.textureSize]);
  });

  it('has v/vt/vn faces, triangles and quads, V-flipped UVs, and closes a solid the size of the tablet', async () => {
    const obj = await readFile(sample('tablet').path, 'utf8');
    const lines = obj.split('\n');
    const v = lines.filter((line) => line.startsWith('v ')).map((line) => line.split(' ').slice(1).map(Number));
    const vt = lines.filter((line) => line.startsWith('vt ')).map((line) => line.split(' ').slice(1).map(Number));
    const faces = lines.filter((line) => line.startsWith('f ')).map((line) => line.split(' ').slice(1));
    expect(faces.every((face) => face.every((corner) => /^\d+\/\d+\/\d+$/.test(corner)))).toBe(true);
    expect(new Set(faces.map((face) => face.length))).toEqual(new Set([3, 4]));
    expect(faces.reduce((sum, face) => sum + face.length - 2, 0)).toBe(tabletTriangleCount(TABLET_SIZES.small));
    const expected = buildTablet(TABLET_SIZES.small).uvs;
    vt.forEach(([s, t], i) => {
      expect(s).toBeCloseTo(expected[i * 2]!, 5);
      expect(t).toBeCloseTo(1 - expected[i * 2 + 1]!, 5);
    });
    let volume = 0;
    for (const face of faces) {
      const corners = face.map((corner) => v[Number(corner.split('/')[0]) - 1]!);
      for (let k = 1; k + 1 < corners.length; k++) volume += signedVolume(corners[0]!, corners[k]!, corners[k + 1]!);
    }
    expect(volume).toBeGreaterThan(30 * 21 * 4 * 0.9);
    expect(volume).toBeLessThan(30 * 21 * 4 * 1.05);
  });

  it('keeps the full-scale budgets (counted from the same sizes the generator uses)', () => {
    expect(tabletTriangleCount(TABLET_SIZES.full)).toBeGreaterThanOrEqual(40_000);
    expect(tabletTriangleCount(TABLET_SIZES.full)).toBeLessThanOrEqual(80_000);
    expect(TABLET_SIZES.full.textureSize).toBe(2048);
    expect(bustTriangleCount(BUST_SIZES.full)).toBeGreaterThanOrEqual(60_000);
    expect(bustTriangleCount(BUST_SIZES.full)).toBeLessThanOrEqual(100_000);
  });
});

/** Connected components of the triangle graph: with seams cut, one per UV island. */
function countIslands(indices: ArrayLike<number>, vertices: number): number {
  const parent = Int32Array.from({ length: vertices }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < indices.length; i += 3) {
    const root = find(indices[i]!);
    parent[find(indices[i + 1]!)] = root;
    parent[find(indices[i + 2]!)] = root;
  }
  const roots = new Set<number>();
  for (let i = 0; i < vertices; i++) roots.add(find(i));
  return roots.size;
}

/** Share of triangles whose winding normal points the way their vertex normals do. */
function agreement(positions: Float32Array, normals: Float32Array, indices: Uint32Array): number {
  let agreeing = 0;
  for (let i = 0; i < indices.length; i += 3) {
    const [a, b, c] = [indices[i]! * 3, indices[i + 1]! * 3, indices[i + 2]! * 3];
    const e1 = [0, 1, 2].map((k) => positions[b + k]! - positions[a + k]!);
    const e2 = [0, 1, 2].map((k) => positions[c + k]! - positions[a + k]!);
    const face = [
      e1[1]! * e2[2]! - e1[2]! * e2[1]!,
      e1[2]! * e2[0]! - e1[0]! * e2[2]!,
      e1[0]! * e2[1]! - e1[1]! * e2[0]!,
    ];
    const dot = [0, 1, 2].reduce((sum, k) => sum + face[k]! * (normals[a + k]! + normals[b + k]! + normals[c + k]!), 0);
    if (dot > 0) agreeing++;
  }
  return agreeing / (indices.length / 3);
}

function signedVolume(a: number[], b: number[], c: number[]): number {
  return (
    (a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) -
      a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) +
      a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!)) /
    6
  );
}
