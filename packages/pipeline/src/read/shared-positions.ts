/**
 * Gives bit-identical positions one vertex, returning the distinct positions and one index
 * per corner. Formats like STL store each triangle's corners apart; left so, a mesh is a
 * heap of loose triangles that simplification cannot reduce and shading cannot smooth.
 * An open-addressing table on the float bits: no string keys, memory linear in corners.
 */
export function shareIdenticalPositions(corners: Float32Array): { positions: Float32Array; indices: Uint32Array } {
  const cornerCount = corners.length / 3;
  // -0 and 0 are the same place but not the same bits.
  for (let i = 0; i < corners.length; i++) if (corners[i] === 0) corners[i] = 0;
  const bits = new Uint32Array(corners.buffer, corners.byteOffset, corners.length);
  let tableSize = 16;
  while (tableSize < 2 * cornerCount) tableSize *= 2;
  const mask = tableSize - 1;
  const table = new Int32Array(tableSize).fill(-1);
  const firstCornerOf = new Uint32Array(cornerCount);
  const indices = new Uint32Array(cornerCount);
  let vertexCount = 0;
  for (let corner = 0; corner < cornerCount; corner++) {
    const [x, y, z] = [bits[3 * corner]!, bits[3 * corner + 1]!, bits[3 * corner + 2]!];
    let slot = (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) & mask;
    for (;;) {
      const vertex = table[slot]!;
      if (vertex < 0) {
        table[slot] = vertexCount;
        firstCornerOf[vertexCount] = corner;
        indices[corner] = vertexCount++;
        break;
      }
      const other = 3 * firstCornerOf[vertex]!;
      if (bits[other] === x && bits[other + 1] === y && bits[other + 2] === z) {
        indices[corner] = vertex;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const positions = new Float32Array(3 * vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    positions.set(corners.subarray(3 * firstCornerOf[vertex]!, 3 * firstCornerOf[vertex]! + 3), 3 * vertex);
  }
  return { positions, indices };
}
