import { Document, Logger, type Node } from '@gltf-transform/core';

/**
 * A small document for tests: a closed box of `2 × size` on each side made of a grid of
 * `segments²` quads per face, so simplification has something to remove.
 */
export function makeBoxDocument(options: { size?: number; segments?: number } = {}): {
  document: Document;
  node: Node;
} {
  const { size = 0.5, segments = 8 } = options;
  // Tests read their own assertions; gltf-transform's info lines are noise there.
  const document = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
  const buffer = document.createBuffer();
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  const indices: number[] = [];
  // Each face: origin corner, two edge directions, normal.
  const faces: [number[], number[], number[], number[]][] = [
    [
      [-1, -1, 1],
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 1],
    ],
    [
      [1, -1, -1],
      [-2, 0, 0],
      [0, 2, 0],
      [0, 0, -1],
    ],
    [
      [1, -1, 1],
      [0, 0, -2],
      [0, 2, 0],
      [1, 0, 0],
    ],
    [
      [-1, -1, -1],
      [0, 0, 2],
      [0, 2, 0],
      [-1, 0, 0],
    ],
    [
      [-1, 1, 1],
      [2, 0, 0],
      [0, 0, -2],
      [0, 1, 0],
    ],
    [
      [-1, -1, -1],
      [2, 0, 0],
      [0, 0, 2],
      [0, -1, 0],
    ],
  ];
  for (const [origin, u, v, normal] of faces) {
    const base = positions.length / 3;
    for (let j = 0; j <= segments; j++) {
      for (let i = 0; i <= segments; i++) {
        const s = i / segments;
        const t = j / segments;
        for (let axis = 0; axis < 3; axis++) positions.push((origin[axis]! + u[axis]! * s + v[axis]! * t) * size);
        normals.push(...normal);
        uvs.push(s, t);
      }
    }
    for (let j = 0; j < segments; j++) {
      for (let i = 0; i < segments; i++) {
        const a = base + j * (segments + 1) + i;
        const b = a + 1;
        const c = a + segments + 1;
        const d = c + 1;
        indices.push(a, b, d, a, d, c);
      }
    }
  }
  const primitive = document
    .createPrimitive()
    .setAttribute(
      'POSITION',
      document.createAccessor().setType('VEC3').setArray(new Float32Array(positions)).setBuffer(buffer),
    )
    .setAttribute(
      'NORMAL',
      document.createAccessor().setType('VEC3').setArray(new Float32Array(normals)).setBuffer(buffer),
    )
    .setAttribute(
      'TEXCOORD_0',
      document.createAccessor().setType('VEC2').setArray(new Float32Array(uvs)).setBuffer(buffer),
    )
    .setIndices(document.createAccessor().setType('SCALAR').setArray(new Uint32Array(indices)).setBuffer(buffer))
    .setMaterial(document.createMaterial('Clay').setBaseColorFactor([0.8, 0.5, 0.3, 1]));
  const mesh = document.createMesh('Box').addPrimitive(primitive);
  const node = document.createNode('Box').setMesh(mesh);
  document.createScene('Scene').addChild(node);
  document.getRoot().setDefaultScene(document.getRoot().listScenes()[0]!);
  return { document, node };
}
