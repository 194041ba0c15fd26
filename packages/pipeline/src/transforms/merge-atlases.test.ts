import { Document, type Primitive } from '@gltf-transform/core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { mergeAtlases } from './merge-atlases.js';

type Rgb = [number, number, number];

/** A 64² image: left half one colour, right half another, so a wrong UV shows as a wrong colour. */
async function halves(left: Rgb, right: Rgb): Promise<Uint8Array> {
  const pixels = Buffer.alloc(64 * 64 * 3);
  for (let y = 0; y < 64; y++) {
    for (let x = 0; x < 64; x++) pixels.set(x < 32 ? left : right, (y * 64 + x) * 3);
  }
  return new Uint8Array(
    await sharp(pixels, { raw: { width: 64, height: 64, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer(),
  );
}

/** A photogrammetry-like export: one mesh, one primitive a material, one atlas a material. */
async function exportWithAtlases(colours: [Rgb, Rgb][], uvs = [0.2, 0.3, 0.8, 0.3, 0.8, 0.7]) {
  const document = new Document();
  const buffer = document.createBuffer();
  const mesh = document.createMesh();
  for (const [index, [left, right]] of colours.entries()) {
    const texture = document
      .createTexture(`atlas ${index}`)
      .setImage(await halves(left, right))
      .setMimeType('image/jpeg');
    const material = document.createMaterial(`material ${index}`).setBaseColorTexture(texture);
    const accessor = (type: 'VEC3' | 'VEC2', values: number[]) =>
      document.createAccessor().setType(type).setArray(new Float32Array(values)).setBuffer(buffer);
    mesh.addPrimitive(
      document
        .createPrimitive()
        .setAttribute('POSITION', accessor('VEC3', [index, 0, 0, index + 1, 0, 0, index, 1, 0]))
        .setAttribute('TEXCOORD_0', accessor('VEC2', uvs))
        .setMaterial(material),
    );
  }
  document.createScene().addChild(document.createNode().setMesh(mesh));
  return { document, mesh };
}

async function colourAt(primitive: Primitive, vertex: number): Promise<number[]> {
  const texture = primitive.getMaterial()!.getBaseColorTexture()!;
  const { data, info } = await sharp(texture.getImage()!).raw().toBuffer({ resolveWithObject: true });
  const [u, v] = primitive.getAttribute('TEXCOORD_0')!.getElement(vertex, [0, 0]);
  const [x, y] = [Math.floor(u! * info.width), Math.floor(v! * info.height)];
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

const COLOURS: [Rgb, Rgb][] = [
  [
    [200, 30, 30],
    [30, 200, 30],
  ],
  [
    [30, 30, 200],
    [200, 200, 30],
  ],
  [
    [200, 30, 200],
    [30, 200, 200],
  ],
  [
    [120, 60, 20],
    [240, 240, 240],
  ],
  [
    [10, 10, 10],
    [128, 128, 128],
  ],
];

describe('mergeAtlases', () => {
  it('packs five atlases into one texture and one draw call, each vertex still on its colour', async () => {
    const { document, mesh } = await exportWithAtlases(COLOURS);
    let merged = 0;
    await document.transform(mergeAtlases({ maxSize: 512, onMerged: (count) => (merged = count) }));
    expect(merged).toBe(5);
    expect(mesh.listPrimitives()).toHaveLength(1);
    expect(document.getRoot().listTextures()).toHaveLength(1);
    expect(document.getRoot().listMaterials()).toHaveLength(1);
    const primitive = mesh.listPrimitives()[0]!;
    const [width, height] = primitive.getMaterial()!.getBaseColorTexture()!.getSize()!;
    expect(Math.max(width, height)).toBeLessThanOrEqual(512);
    // Vertex 3k is the u = 0.2 corner (left colour) of part k, 3k + 1 the u = 0.8 one (right).
    for (const [part, [left, right]] of COLOURS.entries()) {
      for (const [vertex, expected] of [
        [3 * part, left],
        [3 * part + 1, right],
      ] as const) {
        const actual = await colourAt(primitive, vertex);
        actual.forEach((channel, k) => expect(Math.abs(channel - expected[k]!), `part ${part}`).toBeLessThan(12));
      }
    }
  });

  it('crops each atlas to what the mesh uses, so the kept region gets the texels', async () => {
    const { document, mesh } = await exportWithAtlases(COLOURS.slice(0, 2));
    await document.transform(mergeAtlases({ maxSize: 2048 }));
    const primitive = mesh.listPrimitives()[0]!;
    // Two 64² atlases, of which 0.6 × 0.4 is used: the atlas is not scaled up to 2048².
    const [width] = primitive.getMaterial()!.getBaseColorTexture()!.getSize()!;
    expect(width).toBeLessThanOrEqual(2 * (64 + 8));
  });

  it('leaves alone what it cannot merge without loss: tiling UVs, a normal map', async () => {
    const tiling = await exportWithAtlases(COLOURS.slice(0, 2), [0, 0, 2, 0, 0, 2]);
    await tiling.document.transform(mergeAtlases({ maxSize: 512 }));
    expect(tiling.mesh.listPrimitives()).toHaveLength(2);

    const mapped = await exportWithAtlases(COLOURS.slice(0, 2));
    const material = mapped.mesh.listPrimitives()[0]!.getMaterial()!;
    material.setNormalTexture(material.getBaseColorTexture());
    await mapped.document.transform(mergeAtlases({ maxSize: 512 }));
    expect(mapped.mesh.listPrimitives()).toHaveLength(2);
    expect(mapped.document.getRoot().listTextures()).toHaveLength(2);
  });
});
