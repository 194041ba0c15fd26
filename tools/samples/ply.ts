// Binary PLY as scanner software writes it (the header VCGLib/MeshLab emit): float position
// and normal, uchar RGBA, triangles as `list uchar int`.

export interface PlyMesh {
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  /** RGBA, 4 bytes a vertex. */
  readonly colours: Uint8Array;
  readonly indices: Uint32Array;
  readonly comments: readonly string[];
}

const VERTEX_BYTES = 6 * 4 + 4;
const FACE_BYTES = 1 + 3 * 4;

export function encodePly(mesh: PlyMesh): Uint8Array {
  const vertices = mesh.positions.length / 3;
  const faces = mesh.indices.length / 3;
  const header = [
    'ply',
    'format binary_little_endian 1.0',
    ...mesh.comments.map((comment) => `comment ${comment}`),
    `element vertex ${vertices}`,
    ...['x', 'y', 'z', 'nx', 'ny', 'nz'].map((name) => `property float ${name}`),
    ...['red', 'green', 'blue', 'alpha'].map((name) => `property uchar ${name}`),
    `element face ${faces}`,
    'property list uchar int vertex_indices',
    'end_header',
    '',
  ].join('\n');
  const head = new TextEncoder().encode(header);
  const bytes = new Uint8Array(head.length + vertices * VERTEX_BYTES + faces * FACE_BYTES);
  bytes.set(head);
  const view = new DataView(bytes.buffer);
  let offset = head.length;
  for (let v = 0; v < vertices; v++) {
    for (let axis = 0; axis < 3; axis++) view.setFloat32(offset + axis * 4, mesh.positions[v * 3 + axis]!, true);
    for (let axis = 0; axis < 3; axis++) view.setFloat32(offset + 12 + axis * 4, mesh.normals[v * 3 + axis]!, true);
    bytes.set(mesh.colours.subarray(v * 4, v * 4 + 4), offset + 24);
    offset += VERTEX_BYTES;
  }
  for (let f = 0; f < faces; f++) {
    view.setUint8(offset, 3);
    for (let corner = 0; corner < 3; corner++)
      view.setInt32(offset + 1 + corner * 4, mesh.indices[f * 3 + corner]!, true);
    offset += FACE_BYTES;
  }
  return bytes;
}
