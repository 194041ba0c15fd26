import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlyFormat } from './ply-header.js';
import { readPly } from './ply.js';
import {
  collectWarnings,
  readAtEveryChunkSize,
  onlyPrimitive,
  realScan,
  scanFolder,
  tinyImage,
  triangleCount,
  valuesOf,
} from './test-fixtures.js';

/** An element to write: its header property lines ("float x", "list uchar int vertex_indices") and rows. */
interface ElementSpec {
  name: string;
  properties: string[];
  rows: (number | number[])[][];
}

const WRITE: Record<string, [number, (view: DataView, at: number, value: number, little: boolean) => void]> = {
  uchar: [1, (view, at, value) => view.setUint8(at, value)],
  ushort: [2, (view, at, value, little) => view.setUint16(at, value, little)],
  int: [4, (view, at, value, little) => view.setInt32(at, value, little)],
  uint: [4, (view, at, value, little) => view.setUint32(at, value, little)],
  float: [4, (view, at, value, little) => view.setFloat32(at, value, little)],
  double: [8, (view, at, value, little) => view.setFloat64(at, value, little)],
};

function encodePly(format: PlyFormat, elements: ElementSpec[], comments: string[] = []): Uint8Array {
  const header = ['ply', `format ${format} 1.0`, ...comments.map((comment) => `comment ${comment}`)];
  for (const { name, properties, rows } of elements) {
    header.push(`element ${name} ${rows.length}`, ...properties.map((property) => `property ${property}`));
  }
  header.push('end_header', '');
  const head = new TextEncoder().encode(header.join('\n'));
  if (format === 'ascii') {
    const lines = elements.flatMap(({ rows }) =>
      rows.map((row) => row.map((v) => (Array.isArray(v) ? [v.length, ...v].join(' ') : v)).join(' ')),
    );
    return new Uint8Array([...head, ...new TextEncoder().encode(`${lines.join('\n')}\n`)]);
  }
  const body = new DataView(new ArrayBuffer(1 << 16));
  let at = 0;
  for (const { properties, rows } of elements) {
    const types = properties.map((property) => property.split(' '));
    for (const row of rows) {
      row.forEach((value, column) => {
        const words = types[column]!;
        const write = (type: string, number: number) => {
          WRITE[type]![1](body, at, number, format === 'binary_little_endian');
          at += WRITE[type]![0];
        };
        if (Array.isArray(value)) {
          write(words[1]!, value.length);
          for (const item of value) write(words[2]!, item);
        } else write(words[0]!, value);
      });
    }
  }
  return new Uint8Array([...head, ...new Uint8Array(body.buffer, 0, at)]);
}

async function readPlyBytes(bytes: Uint8Array, extraFiles: Record<string, Uint8Array> = {}) {
  const folder = await scanFolder({ 'scan.ply': bytes, ...extraFiles });
  const { warn, warnings } = collectWarnings();
  const document = await readAtEveryChunkSize(readPly, path.join(folder, 'scan.ply'), warn);
  return { document, warnings, primitive: onlyPrimitive(document) };
}

/** A unit square (quad) and a pentagon beside it; texture v grows with y. */
const CORNERS = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [2, 0],
  [2, 1],
  [1.5, 1.5],
];
const FACES = [
  [0, 1, 2, 3],
  [1, 4, 5, 6, 2],
];

function meshElements(uvNames: [string, string], faceProperty = 'list uchar int vertex_indices'): ElementSpec[] {
  const vertex = {
    name: 'vertex',
    properties: [
      'float x',
      'float y',
      'float z',
      'float nx',
      'float ny',
      'float nz',
      `float ${uvNames[0]}`,
      `float ${uvNames[1]}`,
      'uchar red',
      'uchar green',
      'uchar blue',
    ],
    rows: CORNERS.map(([x, y]) => [x!, y!, 0, 0, 0, 1, x! / 2, y! / 2, 255, 128, 0]),
  };
  return [vertex, { name: 'face', properties: [faceProperty], rows: FACES.map((face) => [face]) }];
}

const FORMATS: PlyFormat[] = ['ascii', 'binary_little_endian', 'binary_big_endian'];
const UV_NAMES: [string, string][] = [
  ['s', 't'],
  ['u', 'v'],
  ['texture_u', 'texture_v'],
  ['texture_s', 'texture_t'],
];

describe('readPly', () => {
  describe.each(FORMATS)('%s', (format) => {
    it.each(UV_NAMES)('reads normals, uvs named %s/%s (v flipped), sRGB colours and n-gons', async (u, v) => {
      const { primitive, warnings } = await readPlyBytes(encodePly(format, meshElements([u, v])));
      expect(warnings).toEqual([]);
      expect(triangleCount(primitive)).toBe(2 + 3);
      expect(valuesOf(primitive, 'NORMAL')[0]).toEqual([0, 0, 1]);
      expect(valuesOf(primitive, 'TEXCOORD_0')[2]).toEqual([0.5, 0.5]);
      expect(valuesOf(primitive, 'TEXCOORD_0')[6]).toEqual([0.75, 0.25]);
      const [r, g, b] = valuesOf(primitive, 'COLOR_0')[0]!;
      expect([r, b]).toEqual([1, 0]);
      expect(g).toBeCloseTo(0.2159, 4);
    });

    it('reads `vertex_index` lists of uint, and a point cloud without faces', async () => {
      const mesh = await readPlyBytes(encodePly(format, meshElements(['s', 't'], 'list int uint vertex_index')));
      expect(triangleCount(mesh.primitive)).toBe(5);
      const [vertex] = meshElements(['s', 't']);
      const cloud = await readPlyBytes(encodePly(format, [vertex!]));
      expect(cloud.primitive.getMode()).toBe(0);
      expect(cloud.primitive.getAttribute('POSITION')!.getCount()).toBe(7);
    });
  });

  it('keeps alpha only where some vertex is not opaque, from uchar or float colours', async () => {
    const colours = (type: string, alphas: number[]) =>
      encodePly('ascii', [
        {
          name: 'vertex',
          properties: [
            'float x',
            'float y',
            'float z',
            ...['red', 'green', 'blue', 'alpha'].map((c) => `${type} ${c}`),
          ],
          rows: alphas.map((alpha, i) => [i, i % 2, 0, 0, 0, 0, alpha]),
        },
      ]);
    expect((await readPlyBytes(colours('uchar', [255, 255]))).primitive.getAttribute('COLOR_0')!.getType()).toBe(
      'VEC3',
    );
    const translucent = (await readPlyBytes(colours('float', [1, 0.5]))).primitive;
    expect(valuesOf(translucent, 'COLOR_0')[1]).toEqual([0, 0, 0, 0.5]);
  });

  it('textures the mesh from `comment TextureFile`, splitting corners that carry their own uvs', async () => {
    const vertex = {
      name: 'vertex',
      properties: ['float x', 'float y', 'float z'],
      rows: CORNERS.slice(0, 4).map(([x, y]) => [x!, y!, 0]),
    };
    const faceRows = [
      [
        [0, 1, 2],
        [0, 0, 1, 0, 1, 1],
      ],
      [
        [0, 2, 3],
        [0.5, 0.5, 1, 1, 0, 1],
      ],
    ];
    const face = {
      name: 'face',
      properties: ['list uchar int vertex_indices', 'list uchar float texcoord'],
      rows: faceRows,
    };
    const bytes = encodePly('binary_little_endian', [vertex, face], ['TextureFile my texture.png']);
    const { primitive, warnings } = await readPlyBytes(bytes, { 'my texture.png': await tinyImage() });
    expect(warnings).toEqual([]);
    expect(primitive.getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/png');
    // Corner 0 has two different uvs, so it becomes two vertices; corner 2 has one.
    expect(primitive.getAttribute('POSITION')!.getCount()).toBe(5);
    expect(valuesOf(primitive, 'TEXCOORD_0')).toContainEqual([0.5, 0.5]);
    expect(valuesOf(primitive, 'TEXCOORD_0')).toContainEqual([0, 1]);
  });

  it('warns about a missing texture and reads the mesh', async () => {
    const bytes = encodePly('ascii', meshElements(['s', 't']), ['TextureFile gone.png']);
    const { primitive, warnings } = await readPlyBytes(bytes);
    expect(triangleCount(primitive)).toBe(5);
    expect(warnings).toEqual([expect.stringMatching(/scan\.ply refers to the texture "gone\.png", which is missing/)]);
  });

  it('moves double-precision positions far from the origin to it, keeping their detail', async () => {
    const far = 6_400_000;
    const vertex = {
      name: 'vertex',
      properties: ['double x', 'double y', 'double z'],
      rows: [
        [far, 0, 0],
        [far + 0.001, 0, 0],
        [far, 0.001, 0],
      ],
    };
    const face = { name: 'face', properties: ['list uchar int vertex_indices'], rows: [[[0, 1, 2]]] };
    const positions = valuesOf(
      (await readPlyBytes(encodePly('binary_big_endian', [vertex, face]))).primitive,
      'POSITION',
    );
    expect(positions[1]![0]! - positions[0]![0]!).toBeCloseTo(0.001, 6);
  });

  it('leaves out faces with NaN corners, and a few that point nowhere', async () => {
    const [vertex] = meshElements(['s', 't']);
    vertex!.rows[6]![0] = NaN;
    const faces = [...Array.from({ length: 150 }, () => [[0, 1, 2]]), [[0, 1, 99]], [[1, 4, 6]]];
    const { primitive, warnings } = await readPlyBytes(
      encodePly('ascii', [vertex!, { name: 'face', properties: ['list uchar int vertex_indices'], rows: faces }]),
    );
    expect(triangleCount(primitive)).toBe(150);
    expect(primitive.getAttribute('POSITION')!.getCount()).toBe(6);
    expect(warnings).toHaveLength(2);
  });

  it('refuses, in one line each: a cut-short binary file, many broken faces, a text file', async () => {
    const whole = encodePly('binary_little_endian', meshElements(['s', 't']));
    await expect(readPlyBytes(whole.subarray(0, whole.length - 10))).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^scan\.ply is cut short: it ends before its 2 face entries/),
    });
    const broken = meshElements(['s', 't']);
    broken[1]!.rows = [[[0, 1, 70]]];
    await expect(readPlyBytes(encodePly('ascii', broken))).rejects.toMatchObject({ code: 'corrupt' });
    await expect(readPlyBytes(new TextEncoder().encode('shopping list\nmilk\n'))).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/^scan\.ply is not a readable PLY file \(it does not start with "ply"\)/),
    });
  });
});

describe.each(['laurana.ply', 'gargo.ply'])('readPly on the real 3DHOP scan %s', (name) => {
  const scan = realScan(`3dhop/${name}`);
  it.skipIf(!scan.present)(
    'reads 50,000 faces with vertex colour (skipped when ../shared/scans is absent)',
    async () => {
      const { warn, warnings } = collectWarnings();
      const primitive = onlyPrimitive(await readAtEveryChunkSize(readPly, scan.file, warn, [65_521]));
      expect(triangleCount(primitive)).toBe(50_000);
      expect(primitive.getAttribute('COLOR_0')).not.toBeNull();
      expect(primitive.getAttribute('NORMAL')).not.toBeNull();
      expect(warnings).toEqual([]);
    },
  );
});
