import path from 'node:path';
import { Document, type Material, type Mesh, type Primitive } from '@gltf-transform/core';

/** Per-vertex colour, linear, 3 (RGB) or 4 (RGBA) values per vertex. */
export interface VertexColors {
  values: Float32Array;
  components: 3 | 4;
}

/** One primitive's vertices as a reader produced them, before they become glTF accessors. */
export interface PrimitiveData {
  positions: Float32Array;
  normals?: Float32Array;
  /** glTF convention: v = 0 is the top of the image. */
  uvs?: Float32Array;
  colors?: VertexColors;
  /** Three corners per triangle; absent for a point cloud. */
  indices?: Uint32Array;
}

/** glTF's POINTS mode; gltf-transform's Primitive.Mode table is typed as possibly missing it. */
const POINTS = 0;

export interface ScanDocument {
  document: Document;
  /** The one mesh, on the one node of the one scene, that the reader fills with primitives. */
  mesh: Mesh;
}

/** A Document shaped as the rest of the pipeline expects: one scene, one node, one mesh. */
export function createScanDocument(file: string): ScanDocument {
  const name = path.basename(file, path.extname(file));
  const document = new Document();
  document.createBuffer();
  const mesh = document.createMesh(name);
  const scene = document.createScene(name).addChild(document.createNode(name).setMesh(mesh));
  document.getRoot().setDefaultScene(scene);
  return { document, mesh };
}

export function addPrimitive(document: Document, mesh: Mesh, data: PrimitiveData, material: Material): Primitive {
  const buffer = document.getRoot().listBuffers()[0]!;
  const accessor = (type: 'SCALAR' | 'VEC2' | 'VEC3' | 'VEC4', array: Float32Array | Uint32Array) =>
    document.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', accessor('VEC3', data.positions))
    .setMaterial(material);
  if (data.normals) primitive.setAttribute('NORMAL', accessor('VEC3', data.normals));
  if (data.uvs) primitive.setAttribute('TEXCOORD_0', accessor('VEC2', data.uvs));
  if (data.colors) {
    primitive.setAttribute('COLOR_0', accessor(data.colors.components === 4 ? 'VEC4' : 'VEC3', data.colors.values));
  }
  if (data.indices) primitive.setIndices(accessor('SCALAR', data.indices));
  else primitive.setMode(POINTS);
  mesh.addPrimitive(primitive);
  return primitive;
}

/**
 * A material for a scanned surface: matte and not metal. glTF's default is metallic 1,
 * which would show every scan as dark metal. `baseColor` is linear.
 */
export function createScanMaterial(
  document: Document,
  name: string,
  baseColor: readonly [number, number, number] = [1, 1, 1],
): Material {
  return document
    .createMaterial(name)
    .setBaseColorFactor([baseColor[0], baseColor[1], baseColor[2], 1])
    .setMetallicFactor(0)
    .setRoughnessFactor(1);
}
