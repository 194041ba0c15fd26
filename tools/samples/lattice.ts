// A lattice is the vertex grid of a parametric surface: columns go around (an angle, so they
// wrap), rows go along; a pole row (the tip of a surface of revolution) is one vertex.
// Shapes are built welded on lattices, then cut into charts for the UV atlas: the charts'
// border vertices are duplicated with distinct UVs, which is what a real unwrap produces.
import { chartToAtlas, type AtlasLayout } from './atlas.js';

export interface Lattice {
  /** Vertices per ring; column `columns` is column 0 again. */
  readonly columns: number;
  /** Row intervals: vertex rows run from 0 to `rows`. */
  readonly rows: number;
  readonly poleAtStart: boolean;
  readonly poleAtEnd: boolean;
  /** Index of the lattice's first vertex among all welded vertices of the mesh. */
  readonly firstVertex: number;
}

/** A rectangle of lattice cells that becomes one UV island. */
export interface LatticeChart {
  readonly lattice: Lattice;
  readonly column0: number;
  readonly column1: number;
  readonly row0: number;
  readonly row1: number;
}

/** The mesh of charts cut from lattices: `source` maps each vertex to its welded vertex. */
export interface UnwrappedMesh {
  readonly source: Uint32Array;
  readonly uvs: Float32Array;
  readonly indices: Uint32Array;
}

export function isPoleRow(lattice: Lattice, row: number): boolean {
  return (row === 0 && lattice.poleAtStart) || (row === lattice.rows && lattice.poleAtEnd);
}

export function latticeVertexCount(lattice: Lattice): number {
  const poles = Number(lattice.poleAtStart) + Number(lattice.poleAtEnd);
  return (lattice.rows + 1 - poles) * lattice.columns + poles;
}

/** Pole rows lose one triangle per column (the other would be degenerate). */
export function latticeTriangleCount(lattice: Lattice): number {
  const poles = Number(lattice.poleAtStart) + Number(lattice.poleAtEnd);
  return 2 * lattice.columns * lattice.rows - poles * lattice.columns;
}

/** Welded vertex index of lattice point (column, row); columns wrap. */
export function latticeVertex(lattice: Lattice, column: number, row: number): number {
  const start = lattice.poleAtStart ? 1 : 0;
  if (row === 0 && lattice.poleAtStart) return lattice.firstVertex;
  if (row === lattice.rows && lattice.poleAtEnd) return lattice.firstVertex + latticeVertexCount(lattice) - 1;
  const wrapped = ((column % lattice.columns) + lattice.columns) % lattice.columns;
  return lattice.firstVertex + start + (row - start) * lattice.columns + wrapped;
}

/**
 * Triangles of the welded lattices. The winding makes (row direction × column direction)
 * the front side; shapes choose their parametrisation to match.
 */
export function weldedTriangles(lattices: readonly Lattice[]): Uint32Array {
  const total = lattices.reduce((sum, lattice) => sum + latticeTriangleCount(lattice), 0);
  const indices = new Uint32Array(total * 3);
  let n = 0;
  for (const lattice of lattices) {
    for (let row = 0; row < lattice.rows; row++) {
      for (let column = 0; column < lattice.columns; column++) {
        const v00 = latticeVertex(lattice, column, row);
        const v10 = latticeVertex(lattice, column + 1, row);
        const v01 = latticeVertex(lattice, column, row + 1);
        const v11 = latticeVertex(lattice, column + 1, row + 1);
        if (!isPoleRow(lattice, row)) {
          indices[n++] = v00;
          indices[n++] = v01;
          indices[n++] = v10;
        }
        if (!isPoleRow(lattice, row + 1)) {
          indices[n++] = v10;
          indices[n++] = v01;
          indices[n++] = v11;
        }
      }
    }
  }
  return indices;
}

/**
 * Cuts the charts out of their lattices and gives every chart vertex its atlas UV (glTF
 * convention: v down the image). A pole row gets one vertex per column, at the column's
 * middle, so each pole triangle samples its own slice of the chart.
 */
export function unwrapCharts(charts: readonly LatticeChart[], layout: AtlasLayout): UnwrappedMesh {
  let vertexCount = 0;
  let triangleCount = 0;
  for (const chart of charts) {
    const columns = chart.column1 - chart.column0;
    for (let row = chart.row0; row <= chart.row1; row++) {
      vertexCount += isPoleRow(chart.lattice, row) ? columns : columns + 1;
    }
    for (let row = chart.row0; row < chart.row1; row++) {
      const skipped = Number(isPoleRow(chart.lattice, row)) + Number(isPoleRow(chart.lattice, row + 1));
      triangleCount += (2 - skipped) * columns;
    }
  }
  const source = new Uint32Array(vertexCount);
  const uvs = new Float32Array(vertexCount * 2);
  const indices = new Uint32Array(triangleCount * 3);
  const texel = new Float64Array(2);
  let v = 0;
  let n = 0;
  charts.forEach((chart, chartIndex) => {
    const { lattice, column0, row0, row1 } = chart;
    const placement = layout.placements[chartIndex]!;
    const columns = chart.column1 - column0;
    const rowStart: number[] = [];
    for (let row = row0; row <= row1; row++) {
      rowStart.push(v);
      const pole = isPoleRow(lattice, row);
      const b = (row - row0) / (row1 - row0);
      for (let column = 0; column < (pole ? columns : columns + 1); column++) {
        const a = (pole ? column + 0.5 : column) / columns;
        chartToAtlas(placement, a, b, texel);
        source[v] = latticeVertex(lattice, column0 + column, row);
        uvs[v * 2] = texel[0]! / layout.size;
        uvs[v * 2 + 1] = texel[1]! / layout.size;
        v++;
      }
    }
    const at = (row: number, column: number): number =>
      rowStart[row - row0]! + (isPoleRow(lattice, row) ? Math.min(column, columns - 1) : column);
    for (let row = row0; row < row1; row++) {
      for (let column = 0; column < columns; column++) {
        // In a pole row both lower corners are the column's one pole vertex.
        const v00 = at(row, column);
        const v10 = isPoleRow(lattice, row) ? v00 : at(row, column + 1);
        const v01 = at(row + 1, column);
        const v11 = isPoleRow(lattice, row + 1) ? v01 : at(row + 1, column + 1);
        if (!isPoleRow(lattice, row)) {
          indices[n++] = v00;
          indices[n++] = v01;
          indices[n++] = v10;
        }
        if (!isPoleRow(lattice, row + 1)) {
          indices[n++] = v10;
          indices[n++] = v01;
          indices[n++] = v11;
        }
      }
    }
  });
  return { source, uvs, indices };
}
