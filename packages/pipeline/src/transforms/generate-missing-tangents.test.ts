import { Document, type Primitive } from '@gltf-transform/core';
import { generateTangents } from 'mikktspace';
import { describe, expect, it } from 'vitest';
import { generateMissingTangents } from './generate-missing-tangents.js';

/**
 * Quads side by side in the XY plane facing +z, sharing their edges, textured with V
 * running down the image as glTF has it. `mirrored` flips U on every other quad, as
 * scans' texture atlases often do at a seam.
 */
function strip(
  quads: number,
  options: { mirrored?: boolean; normalMapSet?: number } = {},
): { document: Document; primitive: Primitive } {
  const document = new Document();
  const positions: number[] = [];
  const uvs: number[] = [];
  for (let column = 0; column <= quads; column++) {
    const u = options.mirrored ? column % 2 : column / quads;
    positions.push(column, 0, 0, column, 1, 0);
    uvs.push(u, 1, u, 0);
  }
  const indices: number[] = [];
  for (let quad = 0; quad < quads; quad++) {
    const [bottomLeft, topLeft, bottomRight, topRight] = [0, 1, 2, 3].map((k) => quad * 2 + k);
    indices.push(bottomLeft!, bottomRight!, topRight!, bottomLeft!, topRight!, topLeft!);
  }
  const material = document.createMaterial().setNormalTexture(document.createTexture('relief'));
  material.getNormalTextureInfo()!.setTexCoord(options.normalMapSet ?? 0);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(new Float32Array(positions)))
    .setAttribute(
      'NORMAL',
      document
        .createAccessor()
        .setType('VEC3')
        .setArray(new Float32Array(positions.length).map((_, i) => (i % 3 === 2 ? 1 : 0))),
    )
    .setAttribute('TEXCOORD_0', document.createAccessor().setType('VEC2').setArray(new Float32Array(uvs)))
    .setIndices(document.createAccessor().setType('SCALAR').setArray(new Uint16Array(indices)))
    .setMaterial(material);
  document.createMesh().addPrimitive(primitive);
  return { document, primitive };
}

async function generate(document: Document) {
  let result = { generated: -1, withoutTexCoords: -1, withoutNormals: -1 };
  await document.transform(generateMissingTangents({ generateTangents, onGenerated: (counts) => (result = counts) }));
  return result;
}

function tangentsByVertex(primitive: Primitive): { position: number[]; tangent: number[] }[] {
  const position = primitive.getAttribute('POSITION')!;
  const tangent = primitive.getAttribute('TANGENT')!;
  return Array.from({ length: position.getCount() }, (_, i) => ({
    position: position.getElement(i, []),
    tangent: tangent.getElement(i, []),
  }));
}

/** Each corner's position and UV, in drawing order: what the viewer sees of the geometry. */
function corners(primitive: Primitive): number[][] {
  const indices = primitive.getIndices()!.getArray()!;
  return Array.from(indices as ArrayLike<number>, (vertex) => [
    ...primitive.getAttribute('POSITION')!.getElement(vertex, []),
    ...primitive.getAttribute('TEXCOORD_0')!.getElement(vertex, []),
  ]);
}

describe('generateMissingTangents', () => {
  it('gives a normal-mapped quad MikkTSpace tangents along +U, right-handed for glTF, and keeps it indexed', async () => {
    const { document, primitive } = strip(1);
    expect(await generate(document)).toEqual({ generated: 1, withoutTexCoords: 0, withoutNormals: 0 });
    expect(primitive.getIndices()!.getCount()).toBe(6);
    const vertices = tangentsByVertex(primitive);
    expect(vertices).toHaveLength(4);
    for (const { tangent } of vertices) expect(tangent).toEqual([1, 0, 0, 1]);
  });

  it('splits a vertex where mirrored UVs give it two tangents, and keeps the others shared', async () => {
    const { document, primitive } = strip(2, { mirrored: true });
    const drawn = corners(primitive);
    expect(await generate(document)).toEqual({ generated: 1, withoutTexCoords: 0, withoutNormals: 0 });
    const vertices = tangentsByVertex(primitive);
    // 6 vertices before; the 2 on the mirror line now exist once per side.
    expect(vertices).toHaveLength(8);
    expect(corners(primitive)).toEqual(drawn);
    const onMirror = vertices.filter(({ position }) => position[0] === 1).map(({ tangent }) => tangent);
    expect(onMirror).toHaveLength(4);
    expect(onMirror).toContainEqual([1, 0, 0, 1]);
    expect(onMirror).toContainEqual([-1, 0, 0, -1]);
    expect(vertices.filter(({ position }) => position[0] === 2).map(({ tangent }) => tangent)).toEqual([
      [-1, 0, 0, -1],
      [-1, 0, 0, -1],
    ]);
  });

  it('leaves a primitive without the normal map’s texture coordinates as it is, and counts it', async () => {
    const { document, primitive } = strip(1, { normalMapSet: 1 });
    const indices = primitive.getIndices();
    expect(await generate(document)).toEqual({ generated: 0, withoutTexCoords: 1, withoutNormals: 0 });
    expect(primitive.getAttribute('TANGENT')).toBeNull();
    expect(primitive.getIndices()).toBe(indices);
  });

  it('counts a normal-mapped primitive without normals', async () => {
    const { document, primitive } = strip(1);
    primitive.setAttribute('NORMAL', null);
    expect(await generate(document)).toEqual({ generated: 0, withoutTexCoords: 0, withoutNormals: 1 });
    expect(primitive.getAttribute('TANGENT')).toBeNull();
  });

  it('does nothing to primitives without a normal map', async () => {
    const { document, primitive } = strip(1);
    primitive.getMaterial()!.setNormalTexture(null);
    expect(await generate(document)).toEqual({ generated: 0, withoutTexCoords: 0, withoutNormals: 0 });
    expect(primitive.getAttribute('TANGENT')).toBeNull();
  });

  it('puts the accessors it makes in a buffer even when the source had none (decoded from Draco)', async () => {
    const { document, primitive } = strip(4, { mirrored: true });
    expect(document.getRoot().listBuffers()).toEqual([]);
    await generate(document);
    for (const accessor of [primitive.getIndices()!, ...primitive.listAttributes()]) {
      expect(accessor.getBuffer(), accessor.getType()).not.toBeNull();
    }
  });
});
