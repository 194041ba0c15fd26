import { createHash } from 'node:crypto';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { validateGlb } from '../check/validate.js';
import { getIO } from '../io.js';
import { SUPPORTED_EXTENSIONS, readScan } from './index.js';
import { onlyPrimitive, scanFolder, tinyImage, triangleCount } from './test-fixtures.js';

const text = (value: string) => new TextEncoder().encode(value);
const SQUARE_OBJ = [
  'mtllib square.mtl',
  'v 0 0 0',
  'v 1 0 0',
  'v 1 1 0',
  'v 0 1 0',
  'vt 0 0',
  'usemtl skin',
  'f 1/1 2/1 3/1 4/1',
];

describe('readScan', () => {
  it('reads every scan format, and zips of them', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['glb', 'gltf', 'obj', 'ply', 'stl', 'zip']);
  });

  it('reads a zipped OBJ with its texture, naming the entry and hashing the zip', async () => {
    const zip = zipSync({
      'square/square.obj': text(SQUARE_OBJ.join('\n')),
      'square/square.mtl': text('newmtl skin\nmap_Kd skin.png\n'),
      'square/skin.png': await tinyImage(),
    });
    const folder = await scanFolder({ 'Square Scan.zip': zip });
    const scan = await readScan(path.join(folder, 'Square Scan.zip'));
    expect(scan).toMatchObject({ format: 'obj', zipEntry: 'square/square.obj', warnings: [] });
    expect(scan.sha256).toBe(createHash('sha256').update(zip).digest('hex'));
    expect(scan.byteLength).toBe(zip.byteLength);
    const primitive = onlyPrimitive(scan.document);
    expect(triangleCount(primitive)).toBe(2);
    expect(primitive.getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/png');
  });

  it('hands the readers’ warnings to the caller', async () => {
    const folder = await scanFolder({ 'square.obj': SQUARE_OBJ.join('\n') });
    const scan = await readScan(path.join(folder, 'square.obj'));
    expect(triangleCount(onlyPrimitive(scan.document))).toBe(2);
    expect(scan.warnings).toEqual([
      'square.obj refers to the material file "square.mtl", which is missing; the mesh was read without its colours and textures (put the .mtl beside the .obj)',
    ]);
  });

  it('refuses unknown formats, missing and empty files with one-line ScanErrors', async () => {
    const folder = await scanFolder({ 'notes.txt': 'hello', 'empty.ply': '' });
    await expect(readScan(path.join(folder, 'notes.txt'))).rejects.toMatchObject({ code: 'unsupported-format' });
    await expect(readScan(path.join(folder, 'gone.stl'))).rejects.toMatchObject({ code: 'unreadable' });
    await expect(readScan(path.join(folder, 'empty.ply'))).rejects.toMatchObject({
      code: 'empty-file',
      message: 'empty.ply is empty (0 bytes); copy or export it again',
    });
  });

  it('refuses an empty scan inside a zip', async () => {
    const folder = await scanFolder({ 'scan.zip': zipSync({ 'scan.stl': new Uint8Array(0) }) });
    await expect(readScan(path.join(folder, 'scan.zip'))).rejects.toMatchObject({ code: 'empty-file' });
  });

  it('makes documents the Khronos validator accepts, for meshes, point clouds and every format', async () => {
    const folder = await scanFolder({
      'square.obj': [
        'v 0 0 0 1 0 0',
        'v 2 0 0 0 1 0',
        'v 2 2 0 0 0 1',
        'v 0 2 0 1 1 1',
        'vn 0 0 3',
        'f 1//1 2//1 3//1 4//1',
      ].join('\n'),
      'cloud.ply': [
        'ply',
        'format ascii 1.0',
        'element vertex 2',
        ...['x', 'y', 'z', 'red', 'green', 'blue', 'alpha'].map((name) => `property float ${name}`),
        'end_header',
        '0 0 0 1 0 0 0.5',
        '1 1 1 0 1 0 1',
      ].join('\n'),
      'square.stl':
        'solid s\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 1 1 0\nendloop\nendfacet\nendsolid s\n',
    });
    const io = await getIO();
    for (const name of ['square.obj', 'cloud.ply', 'square.stl']) {
      const glb = await io.writeBinary((await readScan(path.join(folder, name))).document);
      expect((await validateGlb(glb, name)).errors).toEqual([]);
    }
  });
});
