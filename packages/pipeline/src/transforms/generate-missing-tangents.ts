import {
  Primitive,
  type Buffer,
  type Accessor,
  type Document,
  type PrimitiveTarget,
  type Transform,
  type TypedArrayConstructor,
} from '@gltf-transform/core';
import { createTransform } from '@gltf-transform/functions';

const NAME = 'generateMissingTangents';

export interface GenerateMissingTangentsOptions {
  /**
   * MikkTSpace, as the `mikktspace` package exports it: given unindexed triangles, one
   * tangent (x, y, z, w) a corner. Passed in, as gltf-transform's tangents() takes it,
   * so the transform does not load WebAssembly of its own.
   */
  generateTangents: (position: Float32Array, normal: Float32Array, texcoord: Float32Array) => Float32Array;
  /**
   * Receives how many primitives got tangents, and how many with a normal map were left
   * without because they lack the texture coordinates or the normals tangents need.
   */
  onGenerated?: (result: { generated: number; withoutTexCoords: number; withoutNormals: number }) => void;
}

/**
 * Gives TANGENT to every triangle primitive whose material has a normal map and that has
 * none. Normal maps are baked against MikkTSpace tangents; a viewer left to make its own
 * (three.js derives them per pixel) shades the relief slightly wrong, and each viewer
 * differently. Unlike gltf-transform's tangents(), this touches only the primitives that
 * need tangents and keeps them indexed: MikkTSpace reads unindexed triangles, but only
 * the vertices it gives two tangents (at a UV mirror or seam) are split, so a scan of
 * millions of triangles does not triple in size for it.
 */
export function generateMissingTangents(options: GenerateMissingTangentsOptions): Transform {
  return createTransform(NAME, (document: Document) => {
    let generated = 0;
    let withoutTexCoords = 0;
    let withoutNormals = 0;
    for (const mesh of document.getRoot().listMeshes()) {
      for (const primitive of mesh.listPrimitives()) {
        const normalMap = primitive.getMaterial()?.getNormalTextureInfo();
        if (!primitive.getMaterial()?.getNormalTexture() || !normalMap) continue;
        if (primitive.getAttribute('TANGENT') || primitive.getMode() !== Primitive.Mode.TRIANGLES) continue;
        if (!primitive.getAttribute('POSITION')) continue;
        const uv = primitive.getAttribute(`TEXCOORD_${normalMap.getTexCoord()}`);
        const normal = primitive.getAttribute('NORMAL');
        if (!uv) withoutTexCoords++;
        else if (!normal) withoutNormals++;
        else {
          const corners = cornerVertices(primitive);
          const position = primitive.getAttribute('POSITION')!;
          const tangents = options.generateTangents(
            perCorner(position, corners),
            perCorner(normal, corners),
            perCorner(uv, corners),
          );
          setTangents(document, primitive, corners, toGltfHandedness(tangents));
          generated++;
        }
      }
    }
    options.onGenerated?.({ generated, withoutTexCoords, withoutNormals });
  });
}

/**
 * MikkTSpace's bitangent follows +V; glTF's points up the image, which is -V (its V runs
 * down). gltf-transform's tangents() flips w for the same reason (glTF-Sample-Models#174).
 * A corner MikkTSpace could not solve (no UV area) gets a tangent that is at least valid.
 */
function toGltfHandedness(tangents: Float32Array): Float32Array {
  const result = new Float32Array(tangents);
  for (let at = 0; at < result.length; at += 4) {
    const solved = [0, 1, 2, 3].every((k) => Number.isFinite(result[at + k]!));
    if (solved) result[at + 3] = -result[at + 3]!;
    else result.set([1, 0, 0, 1], at);
  }
  return result;
}

/** The vertex at each corner of each triangle, in order. */
function cornerVertices(primitive: Primitive): Uint32Array {
  const indices = primitive.getIndices()?.getArray();
  if (indices) return Uint32Array.from(indices.subarray(0, indices.length - (indices.length % 3)));
  const count = primitive.getAttribute('POSITION')!.getCount();
  return Uint32Array.from({ length: count - (count % 3) }, (_, corner) => corner);
}

/** The accessor's values at each corner, as the plain floats MikkTSpace takes (quantized ones decoded). */
function perCorner(accessor: Accessor, corners: Uint32Array): Float32Array {
  const size = accessor.getElementSize();
  const result = new Float32Array(corners.length * size);
  const element: number[] = [];
  for (let corner = 0; corner < corners.length; corner++) {
    result.set(accessor.getElement(corners[corner]!, element), corner * size);
  }
  return result;
}

/**
 * Puts one tangent on each vertex. A vertex whose corners got different tangents is
 * copied, once for each tangent after the first, and those corners point at the copy.
 */
function setTangents(document: Document, primitive: Primitive, corners: Uint32Array, tangents: Float32Array): void {
  const position = primitive.getAttribute('POSITION')!;
  const vertexCount = position.getCount();
  const keptCorner = new Int32Array(vertexCount).fill(-1); // the corner whose tangent the vertex keeps
  const copies = new Map<string, number>(); // "vertex|tangent" → the copy's vertex
  const copiedFrom: number[] = [];
  const copyTangents: number[] = [];
  const remapped = new Uint32Array(corners);
  for (let corner = 0; corner < corners.length; corner++) {
    const vertex = corners[corner]!;
    const tangent = tangents.subarray(corner * 4, corner * 4 + 4);
    if (keptCorner[vertex] === -1) keptCorner[vertex] = corner;
    if (sameTangent(tangents, keptCorner[vertex]!, corner)) continue;
    const key = `${vertex}|${tangent.join(',')}`;
    let copy = copies.get(key);
    if (copy === undefined) {
      copy = vertexCount + copiedFrom.length;
      copies.set(key, copy);
      copiedFrom.push(vertex);
      copyTangents.push(...tangent);
    }
    remapped[corner] = copy;
  }

  const result = new Float32Array((vertexCount + copiedFrom.length) * 4);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const corner = keptCorner[vertex]!;
    // A vertex on no triangle is never drawn; any valid tangent will do.
    result.set(corner >= 0 ? tangents.subarray(corner * 4, corner * 4 + 4) : [1, 0, 0, 1], vertex * 4);
  }
  result.set(copyTangents, vertexCount * 4);
  if (copiedFrom.length > 0) {
    for (const holder of [primitive, ...primitive.listTargets()]) appendCopies(document, holder, copiedFrom);
    const indices = vertexCount + copiedFrom.length > 0xffff ? remapped : Uint16Array.from(remapped);
    const previous = primitive.getIndices();
    primitive.setIndices(
      document.createAccessor().setType('SCALAR').setArray(indices).setBuffer(bufferFor(document, position)),
    );
    if (previous && previous.listParents().length === 1) previous.dispose(); // only the root holds it now
  }
  primitive.setAttribute(
    'TANGENT',
    document.createAccessor().setType('VEC4').setArray(result).setBuffer(bufferFor(document, position)),
  );
}

/**
 * The buffer new accessors go in: their source's, or, for accessors decoded from Draco
 * (which belong to no buffer), the document's first. The meshopt writer refuses an
 * accessor without a buffer ("Missing buffer for accessor"), as the Draco-compressed
 * Smithsonian scan showed.
 */
function bufferFor(document: Document, source: Accessor): Buffer {
  return source.getBuffer() ?? document.getRoot().listBuffers()[0] ?? document.createBuffer();
}

function sameTangent(tangents: Float32Array, a: number, b: number): boolean {
  for (let k = 0; k < 4; k++) if (tangents[a * 4 + k] !== tangents[b * 4 + k]) return false;
  return true;
}

/**
 * Gives every attribute the copied vertices at its end, in a new accessor: another
 * primitive may read the old one, and must not change.
 */
function appendCopies(document: Document, holder: Primitive | PrimitiveTarget, copiedFrom: number[]): void {
  for (const semantic of holder.listSemantics()) {
    const source = holder.getAttribute(semantic)!;
    const array = source.getArray()!;
    const size = source.getElementSize();
    const result = new (array.constructor as TypedArrayConstructor)(array.length + copiedFrom.length * size);
    result.set(array);
    copiedFrom.forEach((vertex, i) => {
      result.set(array.subarray(vertex * size, vertex * size + size), array.length + i * size);
    });
    const copy = document
      .createAccessor(source.getName())
      .setType(source.getType())
      .setNormalized(source.getNormalized())
      .setBuffer(bufferFor(document, source))
      .setArray(result);
    holder.setAttribute(semantic, copy);
    if (source.listParents().length === 1) source.dispose();
  }
}
