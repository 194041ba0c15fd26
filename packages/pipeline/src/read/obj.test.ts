import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScanError } from '../errors.js';
import { readObj } from './obj.js';
import {
  collectWarnings,
  readAtEveryChunkSize,
  onlyPrimitive,
  primitivesOf,
  realScan,
  scanFolder,
  tinyImage,
  triangleCount,
  trianglePositions,
  valuesOf,
} from './test-fixtures.js';

/** Writes the files, then reads `name` from the folder as the ingest would. */
async function readObjIn(files: Record<string, string | Uint8Array>, name = 'scan.obj') {
  const folder = await scanFolder(files);
  const file = path.join(folder, name);
  const { warn, warnings } = collectWarnings();
  const document = await readAtEveryChunkSize(readObj, file, warn);
  return { document, warnings };
}

const QUAD = ['v 0 0 0', 'v 1 0 0', 'v 1 1 0', 'v 0 1 0'];

describe('readObj', () => {
  it('reads CRLF n-gons with spaces in names into one primitive per material, uvs flipped', async () => {
    const obj = [
      '# made by a scanner',
      ...QUAD,
      'v 2 0 0',
      'v 2 1 0',
      'vt 0 0',
      'vt 1 0',
      'vt 1 1',
      'vt 0 1',
      'vt 0.25 0.25',
      'vt 0.75 0.75',
      'usemtl stone surface',
      'f 1/1 2/2 3/3 4/4',
      'usemtl plain',
      'f 2/5 5/6 6/6 3/5',
      'mtllib my materials.mtl',
    ].join('\r\n');
    const mtl = ['newmtl stone surface', 'Kd 1 0.5 0', 'map_Kd -s 1 1 1 stone colour.png', 'newmtl plain', 'Kd 1 1 1'];
    const { document, warnings } = await readObjIn({
      'scan.obj': obj,
      'my materials.mtl': mtl.join('\r\n'),
      'stone colour.png': await tinyImage(),
    });
    expect(warnings).toEqual([]);
    const [stone, plain] = primitivesOf(document);
    expect(primitivesOf(document)).toHaveLength(2);
    expect(triangleCount(stone!)).toBe(2);
    expect(triangleCount(plain!)).toBe(2);
    expect(stone!.getMaterial()!.getName()).toBe('stone surface');
    expect(stone!.getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/png');
    expect(stone!.getMaterial()!.getMetallicFactor()).toBe(0);
    // Kd 1 0.5 0 is sRGB; glTF's factor is linear.
    expect(stone!.getMaterial()!.getBaseColorFactor()[1]).toBeCloseTo(0.214, 3);
    expect(plain!.getMaterial()!.getBaseColorTexture()).toBeNull();
    // Corner (1, 1, 0) has vt (1, 1): the image's top right, v = 0 in glTF.
    const positions = valuesOf(stone!, 'POSITION');
    const uvs = valuesOf(stone!, 'TEXCOORD_0');
    expect(uvs[positions.findIndex(([x, y]) => x === 1 && y === 1)]).toEqual([1, 0]);
    expect(uvs[positions.findIndex(([x, y]) => x === 0 && y === 0)]).toEqual([0, 1]);
    expect(stone!.getAttribute('NORMAL')).toBeNull();
  });

  it('shares a vertex between faces that use the same v/vt/vn', async () => {
    const { document } = await readObjIn({
      'scan.obj': [...QUAD, 'vt 0 0', 'vn 0 0 1', 'f 1/1/1 2/1/1 3/1/1', 'f 1/1/1 3/1/1 4/1/1'].join('\n'),
    });
    const primitive = onlyPrimitive(document);
    expect(primitive.getAttribute('POSITION')!.getCount()).toBe(4);
    expect(valuesOf(primitive, 'NORMAL')).toEqual(Array(4).fill([0, 0, 1]));
  });

  it('splits a non-convex face within its outline', async () => {
    const arrow = ['v 0 0 0', 'v 4 0 0', 'v 4 3 0', 'v 2 1 0', 'v 0 3 0', 'f 1 2 3 4 5'];
    const primitive = onlyPrimitive((await readObjIn({ 'scan.obj': arrow.join('\n') })).document);
    const areas = trianglePositions(primitive).map(([a, b, c]) => {
      return ((b![0]! - a![0]!) * (c![1]! - a![1]!) - (c![0]! - a![0]!) * (b![1]! - a![1]!)) / 2;
    });
    expect(areas).toHaveLength(3);
    expect(areas.every((area) => area > 0)).toBe(true);
    expect(areas.reduce((sum, area) => sum + area)).toBeCloseTo(8);
  });

  it('reads vertex colours as linear COLOR_0, and resolves negative indices', async () => {
    const obj = ['v 0 0 0 1 0 0', 'v 1 0 0 0 1 0', 'v 0 1 0 0.5 0.5 0.5', 'f -3 -2 -1'].join('\n');
    const primitive = onlyPrimitive((await readObjIn({ 'scan.obj': obj })).document);
    const colours = valuesOf(primitive, 'COLOR_0');
    expect(colours).toHaveLength(3);
    expect(colours).toContainEqual([1, 0, 0]);
    expect(colours.find(([r]) => r !== 0 && r !== 1)![0]).toBeCloseTo(0.214, 3);
  });

  it('reads the mesh without a missing .mtl or texture, and says so', async () => {
    const withoutMtl = await readObjIn({ 'scan.obj': ['mtllib gone.mtl', ...QUAD, 'f 1 2 3 4'].join('\n') });
    expect(triangleCount(onlyPrimitive(withoutMtl.document))).toBe(2);
    expect(withoutMtl.warnings).toEqual([
      expect.stringMatching(/scan\.obj refers to the material file "gone\.mtl", which is missing/),
    ]);

    const withoutTexture = await readObjIn({
      'scan.obj': ['mtllib scan.mtl', 'usemtl skin', ...QUAD, 'f 1 2 3 4'].join('\n'),
      'scan.mtl': 'newmtl skin\nmap_Kd skin.jpg\n',
    });
    expect(onlyPrimitive(withoutTexture.document).getMaterial()!.getBaseColorTexture()).toBeNull();
    expect(withoutTexture.warnings).toEqual([
      expect.stringMatching(/scan\.mtl refers to the texture "skin\.jpg", which is missing/),
    ]);
  });

  it('puts a normal map on normalTexture with its -bm strength, and leaves out a greyscale height map', async () => {
    const obj = ['mtllib scan.mtl', ...QUAD, 'vt 0 0', 'usemtl a', 'f 1/1 2/1 3/1', 'usemtl b', 'f 1/1 3/1 4/1'];
    const { document, warnings } = await readObjIn({
      'scan.obj': obj.join('\n'),
      'scan.mtl': 'newmtl a\nmap_Bump -bm 0.5 normals.png\nnewmtl b\nbump height.png\n',
      'normals.png': await tinyImage(),
      'height.png': await tinyImage('png', 1),
    });
    const [a, b] = primitivesOf(document).map((primitive) => primitive.getMaterial()!);
    expect(a!.getNormalTexture()).not.toBeNull();
    expect(a!.getNormalScale()).toBe(0.5);
    expect(b!.getNormalTexture()).toBeNull();
    expect(warnings).toEqual([expect.stringMatching(/height\.png is a height \(bump\) map/)]);
  });

  it('finds a texture named by an absolute path beside the scan', async () => {
    const { document, warnings } = await readObjIn({
      'scan.obj': ['mtllib scan.mtl', 'usemtl skin', ...QUAD, 'f 1 2 3 4'].join('\n'),
      'scan.mtl': 'newmtl skin\nmap_Kd C:\\Users\\maker\\scan\\skin.jpg\n',
      'skin.jpg': await tinyImage('jpeg'),
    });
    expect(onlyPrimitive(document).getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/jpeg');
    expect(warnings).toEqual([expect.stringMatching(/absolute path/)]);
  });

  it('converts a texture glTF cannot carry (TIFF) to PNG', async () => {
    const { document } = await readObjIn({
      'scan.obj': ['mtllib scan.mtl', 'usemtl skin', ...QUAD, 'f 1 2 3 4'].join('\n'),
      'scan.mtl': 'newmtl skin\nmap_Kd skin.tif\n',
      'skin.tif': await tinyImage('tiff'),
    });
    expect(onlyPrimitive(document).getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/png');
  });

  it('refuses a texture outside the scan folder', async () => {
    const reading = readObjIn({
      'scan.obj': ['mtllib scan.mtl', 'usemtl skin', ...QUAD, 'f 1 2 3 4'].join('\n'),
      'scan.mtl': 'newmtl skin\nmap_Kd ../secret.jpg\n',
    });
    await expect(reading).rejects.toMatchObject({ code: 'unsafe-path' });
  });

  it('leaves out a few faces that point nowhere or at NaN vertices, with warnings', async () => {
    const faces = Array.from({ length: 200 }, () => 'f 1 2 3');
    const obj = [...QUAD, 'v nan 0 0', ...faces, 'f 1 2 9', 'f 1 2 5'].join('\n');
    const { document, warnings } = await readObjIn({ 'scan.obj': obj });
    expect(triangleCount(onlyPrimitive(document))).toBe(200);
    expect(valuesOf(onlyPrimitive(document), 'POSITION').flat().every(Number.isFinite)).toBe(true);
    expect(warnings).toEqual([
      expect.stringMatching(/1 of 202 faces refer to vertices the file does not have/),
      expect.stringMatching(/1 faces use points with invalid coordinates/),
    ]);
  });

  it('refuses a file whose faces mostly point nowhere', async () => {
    const reading = readObjIn({ 'scan.obj': [...QUAD, 'f 1 2 3', 'f 1 2 7'].join('\n') });
    await expect(reading).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^scan\.obj is damaged/),
    });
  });

  it('refuses a text file that is not an OBJ, in one line', async () => {
    const reading = readObjIn({ 'scan.obj': 'Dear curator,\nthis is a letter.\n' });
    await expect(reading).rejects.toBeInstanceOf(ScanError);
    await expect(reading).rejects.toMatchObject({ code: 'no-geometry', message: expect.not.stringContaining('\n') });
  });

  it('reads vertices without faces as a point cloud', async () => {
    const primitive = onlyPrimitive((await readObjIn({ 'scan.obj': QUAD.join('\n') })).document);
    expect(primitive.getMode()).toBe(0);
    expect(primitive.getAttribute('POSITION')!.getCount()).toBe(4);
  });
});

const mask = realScan('bali-mask-obj/mask.obj');
describe.skipIf(!mask.present)('readObj on the real Bali mask OBJ (skipped: ../shared/scans absent)', () => {
  it('reads 100,000 triangles with their texture', async () => {
    const { warn, warnings } = collectWarnings();
    // One odd chunk size on real data: boundaries fall in its numbers and CRLF pairs.
    const document = await readAtEveryChunkSize(readObj, mask.file, warn, [65_521]);
    const primitive = onlyPrimitive(document);
    expect(triangleCount(primitive)).toBe(100_000);
    expect(primitive.getAttribute('POSITION')!.getCount()).toBe(62_383);
    expect(primitive.getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/jpeg');
    expect(warnings).toEqual([]);
  });
});
