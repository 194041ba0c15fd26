// The amphora as a photogrammetry tool exports it: one mesh, one material, one baked
// colour texture embedded as JPEG in a binary glTF.
import { Document, NodeIO } from '@gltf-transform/core';
import { buildAmphoraMesh } from './amphora-mesh.js';
import { amphoraShader } from './amphora-paint.js';
import { bakeAtlas } from './bake.js';
import { encodeJpeg } from './jpeg.js';
import type { AmphoraSize } from './scales.js';

/** Unused atlas space, dark as most bakers leave it. */
const BACKGROUND = [20, 17, 15] as const;

export interface AmphoraResult {
  readonly glb: Uint8Array;
  readonly triangles: number;
}

/**
 * Builds and bakes synchronously, then encodes; returns the encode as a promise so the
 * caller can build the other samples while sharp works on its own thread.
 */
export function makeAmphora(size: AmphoraSize): Promise<AmphoraResult> {
  const mesh = buildAmphoraMesh(size);
  const texture = bakeAtlas(mesh.layout, amphoraShader(mesh.charts), BACKGROUND);
  return encodeJpeg(texture, size.textureSize).then(async (jpeg) => {
    const document = new Document();
    const buffer = document.createBuffer();
    const accessor = (array: Float32Array | Uint32Array, type: 'VEC3' | 'VEC2' | 'SCALAR') =>
      document.createAccessor().setArray(array).setType(type).setBuffer(buffer);
    const image = document
      .createTexture('Amphora_baseColor')
      .setImage(jpeg)
      .setMimeType('image/jpeg')
      .setURI('Amphora_baseColor.jpg');
    const material = document
      .createMaterial('Terracotta')
      .setBaseColorTexture(image)
      .setRoughnessFactor(0.85)
      .setMetallicFactor(0);
    const primitive = document
      .createPrimitive()
      .setAttribute('POSITION', accessor(mesh.positions, 'VEC3'))
      .setAttribute('NORMAL', accessor(mesh.normals, 'VEC3'))
      .setAttribute('TEXCOORD_0', accessor(mesh.uvs, 'VEC2'))
      .setIndices(accessor(mesh.indices, 'SCALAR'))
      .setMaterial(material);
    const node = document.createNode('Amphora').setMesh(document.createMesh('Amphora').addPrimitive(primitive));
    document.getRoot().setDefaultScene(document.createScene('Amphora').addChild(node));
    const glb = await new NodeIO().writeBinary(document);
    return { glb, triangles: mesh.indices.length / 3 };
  });
}
