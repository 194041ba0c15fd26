// The bust as a laser scan: a welded mesh with normals and vertex colour, no texture, in
// millimetres with Z up, written as binary PLY.
import { bustColour } from './bust-paint.js';
import { bustPoint, type BustPoint } from './bust-shape.js';
import {
  isPoleRow,
  latticeTriangleCount,
  latticeVertex,
  latticeVertexCount,
  weldedTriangles,
  type Lattice,
} from './lattice.js';
import { vertexNormals } from './normals.js';
import { encodePly } from './ply.js';
import type { BustSize } from './scales.js';

export interface BustResult {
  readonly ply: Uint8Array;
  readonly triangles: number;
}

export function bustTriangleCount(size: BustSize): number {
  return latticeTriangleCount(bustLattice(size));
}

export function makeBust(size: BustSize): BustResult {
  const lattice = bustLattice(size);
  const count = latticeVertexCount(lattice);
  const positions = new Float32Array(count * 3);
  const colours = new Uint8Array(count * 4);
  const point: BustPoint = { x: 0, y: 0, z: 0, hollow: 0, hair: 0 };
  const colour = new Float64Array(3);
  for (let row = 0; row <= lattice.rows; row++) {
    const columns = isPoleRow(lattice, row) ? 1 : lattice.columns;
    for (let column = 0; column < columns; column++) {
      const id = latticeVertex(lattice, column, row);
      // Angles run clockwise seen from above so that the lattice's winding faces outwards.
      bustPoint(row / lattice.rows, (-2 * Math.PI * column) / lattice.columns, id, point);
      positions.set([point.x, point.y, point.z], id * 3);
      bustColour(point, id, colour);
      for (let channel = 0; channel < 3; channel++) {
        colours[id * 4 + channel] = Math.round(Math.min(1, Math.max(0, colour[channel]!)) * 255);
      }
      colours[id * 4 + 3] = 255;
    }
  }
  const indices = weldedTriangles([lattice]);
  const ply = encodePly({
    positions,
    normals: vertexNormals(positions, indices),
    colours,
    indices,
    comments: ['Vitrine sample generator: synthetic laser scan of a marble bust', 'units mm, up +Z, front -Y'],
  });
  return { ply, triangles: indices.length / 3 };
}

function bustLattice(size: BustSize): Lattice {
  return { columns: size.columns, rows: size.rows, poleAtStart: true, poleAtEnd: true, firstVertex: 0 };
}
