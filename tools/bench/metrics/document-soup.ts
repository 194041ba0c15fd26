import { Primitive, type Document, type Node } from '@gltf-transform/core';
import type { TriangleSoup } from './triangle-soup.js';

/**
 * The triangles a viewer would draw for the document's default scene, in world space.
 * Node transforms matter here: gltfpack dequantizes positions through a node's scale and
 * translation, so raw accessor values alone would put its output in another place.
 * Only TRIANGLES primitives are read; none of the benchmarked tools writes strips or fans.
 */
export function documentTriangles(document: Document): TriangleSoup {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const chunks: Float32Array[] = [];
  scene?.traverse((node) => {
    const mesh = node.getMesh();
    if (!mesh) return;
    for (const primitive of mesh.listPrimitives()) {
      if (primitive.getMode() !== Primitive.Mode.TRIANGLES) continue;
      const chunk = primitiveTriangles(primitive, node);
      if (chunk) chunks.push(chunk);
    }
  });
  const positions = new Float32Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    positions.set(chunk, offset);
    offset += chunk.length;
  }
  return { positions };
}

function primitiveTriangles(primitive: Primitive, node: Node): Float32Array | undefined {
  const position = primitive.getAttribute('POSITION');
  if (!position) return undefined;
  const m = node.getWorldMatrix();
  // Vertices transformed once each, then copied out per corner.
  const vertexCount = position.getCount();
  const world = new Float32Array(vertexCount * 3);
  const element = [0, 0, 0];
  for (let v = 0; v < vertexCount; v++) {
    position.getElement(v, element); // decodes normalized (quantized) integers to floats
    const [x, y, z] = element as [number, number, number];
    world[v * 3] = m[0] * x + m[4] * y + m[8] * z + m[12];
    world[v * 3 + 1] = m[1] * x + m[5] * y + m[9] * z + m[13];
    world[v * 3 + 2] = m[2] * x + m[6] * y + m[10] * z + m[14];
  }
  const indices = primitive.getIndices()?.getArray();
  const corners = indices ? indices.length : vertexCount;
  const triangles = Math.floor(corners / 3);
  const out = new Float32Array(triangles * 9);
  for (let corner = 0; corner < triangles * 3; corner++) {
    const v = indices ? indices[corner]! : corner;
    out[corner * 3] = world[v * 3]!;
    out[corner * 3 + 1] = world[v * 3 + 1]!;
    out[corner * 3 + 2] = world[v * 3 + 2]!;
  }
  return out;
}
