// The large scan's surface: the sample bust (bust-shape.ts), in millimetres with Z up, with
// a dense scanner's per-point noise on top, evaluated one lattice row at a time. Positions
// are a pure function of (row, column), so a row can be recomputed rather than kept.
import { bustPoint, type BustPoint } from './bust-shape.js';
import { isPoleRow, latticeVertex, type Lattice } from './lattice.js';
import { hash3 } from './random.js';

export interface SurfaceOptions {
  readonly seed: number;
  /** Largest offset of the scanner's noise on each axis, in millimetres. */
  readonly noise: number;
}

/** Where lattice point (row, column) lies, without the scanner's noise: for layout and colour. */
export function smoothPoint(lattice: Lattice, row: number, column: number, out: BustPoint): void {
  // Angles run clockwise seen from above so that the lattice's winding faces outwards (as in bust-ply.ts).
  bustPoint(row / lattice.rows, (-2 * Math.PI * column) / lattice.columns, 0, out);
}

/** Positions of one lattice row, x y z per column (a pole row repeats its one point). */
export class SurfaceRows {
  private readonly point: BustPoint = { x: 0, y: 0, z: 0, hollow: 0, hair: 0 };

  constructor(
    readonly lattice: Lattice,
    private readonly options: SurfaceOptions,
  ) {}

  /** Writes row `row` into `out` (3 × columns values). */
  row(row: number, out: Float64Array): void {
    const { lattice, point } = this;
    const { seed, noise } = this.options;
    const columns = isPoleRow(lattice, row) ? 1 : lattice.columns;
    for (let column = 0; column < columns; column++) {
      const id = latticeVertex(lattice, column, row);
      bustPoint(row / lattice.rows, (-2 * Math.PI * column) / lattice.columns, id, point);
      out[column * 3] = point.x + noise * (2 * hash3(id, 0, 7, seed) - 1);
      out[column * 3 + 1] = point.y + noise * (2 * hash3(id, 1, 7, seed) - 1);
      out[column * 3 + 2] = point.z + noise * (2 * hash3(id, 2, 7, seed) - 1);
    }
    for (let column = columns; column < lattice.columns; column++) out.copyWithin(column * 3, 0, 3);
  }
}

/**
 * Unit normals of row `row` from its neighbours (central differences on the lattice), as a
 * scanner's software computes them from the noisy mesh. The poles are the socle's flat
 * underside and the top of the crown: straight down and straight up.
 */
export function rowNormals(
  lattice: Lattice,
  row: number,
  below: Float64Array,
  here: Float64Array,
  above: Float64Array,
  out: Float64Array,
): void {
  const { columns } = lattice;
  if (isPoleRow(lattice, row)) {
    out[0] = 0;
    out[1] = 0;
    out[2] = row === 0 ? -1 : 1;
    return;
  }
  for (let column = 0; column < columns; column++) {
    const next = ((column + 1) % columns) * 3;
    const previous = ((column + columns - 1) % columns) * 3;
    const i = column * 3;
    // Row direction × column direction faces outwards (lattice.ts's winding).
    const ax = above[i]! - below[i]!;
    const ay = above[i + 1]! - below[i + 1]!;
    const az = above[i + 2]! - below[i + 2]!;
    const bx = here[next]! - here[previous]!;
    const by = here[next + 1]! - here[previous + 1]!;
    const bz = here[next + 2]! - here[previous + 2]!;
    const nx = ay * bz - az * by;
    const ny = az * bx - ax * bz;
    const nz = ax * by - ay * bx;
    const length = Math.hypot(nx, ny, nz) || 1;
    out[i] = nx / length;
    out[i + 1] = ny / length;
    out[i + 2] = nz / length;
  }
}
