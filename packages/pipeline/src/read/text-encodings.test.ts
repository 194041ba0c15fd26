import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readObj } from './obj.js';
import { readPly } from './ply.js';
import { readStl } from './stl.js';
import {
  collectWarnings,
  onlyPrimitive,
  primitivesOf,
  readAtEveryChunkSize,
  scanFolder,
  tinyImage,
  triangleCount,
  valuesOf,
} from './test-fixtures.js';

/** Text as some Windows tools save it: UTF-16, little- or big-endian, with or without a byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (char) => char.charCodeAt(0))];
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  units.forEach((unit, index) => view.setUint16(2 * index, unit, order === 'le'));
  return bytes;
}

const QUAD_OBJ = [
  'mtllib pierre sculptée.mtl',
  'v 0 0 0',
  'v 1 0 0',
  'v 1 1 0',
  'v 0 1 0',
  'vt 0 0',
  'vt 1 0',
  'vt 1 1',
  'vt 0 1',
  'usemtl kamień',
  'f 1/1 2/2 3/3 4/4',
].join('\r\n');
const QUAD_MTL = ['newmtl kamień', 'Kd 1 1 1', 'map_Kd żółty.png'].join('\r\n');

async function readObjFiles(obj: Uint8Array, mtl: Uint8Array) {
  const folder = await scanFolder({ 'scan.obj': obj, 'pierre sculptée.mtl': mtl, 'żółty.png': await tinyImage() });
  const { warn, warnings } = collectWarnings();
  const document = await readAtEveryChunkSize(readObj, path.join(folder, 'scan.obj'), warn);
  return { document, warnings };
}

describe('text in other encodings, read in chunks of any size', () => {
  it('reads a UTF-8 OBJ whose names have accented and Polish letters, split across chunks', async () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const { document, warnings } = await readObjFiles(encode(`\ufeff${QUAD_OBJ}`), encode(QUAD_MTL));
    expect(warnings).toEqual([]);
    const primitive = onlyPrimitive(document);
    expect(primitive.getMaterial()!.getName()).toBe('kamień');
    expect(primitive.getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/png');
    expect(triangleCount(primitive)).toBe(2);
  });

  it.each([
    ['le', true],
    ['le', false],
    ['be', true],
    ['be', false],
  ] as const)('reads an OBJ and its MTL saved as UTF-16 %s (byte-order mark: %s)', async (order, bom) => {
    const { document, warnings } = await readObjFiles(utf16(QUAD_OBJ, order, bom), utf16(QUAD_MTL, order, bom));
    expect(warnings).toEqual([]);
    const primitive = onlyPrimitive(document);
    expect(primitive.getMaterial()!.getName()).toBe('kamień');
    expect(primitive.getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/png');
    expect(valuesOf(primitive, 'POSITION')).toHaveLength(4);
  });

  it('reads an ascii PLY saved as UTF-16, and an ascii STL saved as UTF-16', async () => {
    const ply = ['ply', 'format ascii 1.0', 'element vertex 3', 'property float x', 'property float y'];
    ply.push('property float z', 'element face 1', 'property list uchar int vertex_indices', 'end_header');
    ply.push('0 0 0', '1 0 0', '0 1 0', '3 0 1 2', '');
    const stl = ['solid tri', 'facet normal 0 0 1', 'outer loop', 'vertex 0 0 0', 'vertex 1 0 0', 'vertex 0 1 0'];
    stl.push('endloop', 'endfacet', 'endsolid tri', '');
    const folder = await scanFolder({
      'scan.ply': utf16(ply.join('\r\n'), 'le', true),
      'part.stl': utf16(stl.join('\r\n'), 'le', true),
    });
    const { warn, warnings } = collectWarnings();
    for (const [reader, name] of [
      [readPly, 'scan.ply'],
      [readStl, 'part.stl'],
    ] as const) {
      const primitive = onlyPrimitive(await readAtEveryChunkSize(reader, path.join(folder, name), warn));
      expect(triangleCount(primitive), name).toBe(1);
      expect(valuesOf(primitive, 'POSITION'), name).toHaveLength(3);
    }
    expect(warnings).toEqual([]);
  });
});

describe('PLY headers as exporters write them', () => {
  const body = ['0 0 0', '1 0 0', '0 1 0', '3 0 1 2', ''];
  const header = (extra: string[]) => [
    'ply',
    'format ascii 1.0',
    ...extra,
    'element vertex 3',
    ...['x', 'y', 'z'].map((axis) => `property float ${axis}`),
    'element face 1',
    'property list uchar int vertex_indices',
    'end_header',
  ];

  it('skips a header line written without the word "comment", with a warning', async () => {
    const text = [...header(['Exported by ScanStudio 2.1', 'TextureFile none']), ...body].join('\n');
    const folder = await scanFolder({ 'scan.ply': new TextEncoder().encode(text) });
    const { warn, warnings } = collectWarnings();
    const document = await readAtEveryChunkSize(readPly, path.join(folder, 'scan.ply'), warn);
    expect(triangleCount(onlyPrimitive(document))).toBe(1);
    expect(warnings).toEqual([
      'scan.ply: 2 header lines that PLY does not know ("Exported by ScanStudio 2.1") were skipped',
    ]);
  });

  it('finds end_header followed by CR LF whatever chunk the LF falls in', async () => {
    const text = `${header([]).join('\r\n')}\r\n${body.join('\r\n')}`;
    const folder = await scanFolder({ 'scan.ply': new TextEncoder().encode(text) });
    const { warn } = collectWarnings();
    const document = await readAtEveryChunkSize(readPly, path.join(folder, 'scan.ply'), warn, [1, 2, 3, 5, 7, 11, 13]);
    expect(primitivesOf(document)).toHaveLength(1);
    expect(valuesOf(onlyPrimitive(document), 'POSITION')).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
    ]);
  });
});
