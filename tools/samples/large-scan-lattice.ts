// The large scan's mesh as arithmetic: a bust lattice (rings of columns from the socle's
// underside to the crown, a pole at each end) cut into rectangular charts, one group of
// charts per atlas. Every index the OBJ needs (position, UV, normal) is a formula of
// (row, column), so a 30-million-triangle file can be written without holding its mesh.
import { isPoleRow, latticeTriangleCount, latticeVertexCount, type Lattice, type LatticeChart } from './lattice.js';

/** Rows over columns: the bust's profile is a little longer than its widest girth. */
const ROWS_PER_COLUMN = 1.1;
/** Charts around each band: a photogrammetry unwrap cuts a ring into several islands. */
const SECTORS = 8;
/** Bands of rows each atlas holds. */
const BANDS_PER_ATLAS = 4;

/**
 * The lattice with about `triangles` triangles (2 × columns × (rows − 1): the pole rows
 * lose one of each cell's two). When triangles / 2 has a divisor near the ideal column
 * count, as round counts (3M, 12M, 30M) do, the count is exact.
 */
export function largeScanLattice(triangles: number): Lattice {
  if (!Number.isInteger(triangles) || triangles < 200) {
    throw new Error(`a large scan needs at least 200 triangles, not ${triangles}`);
  }
  const half = Math.floor(triangles / 2);
  const ideal = Math.sqrt(half / ROWS_PER_COLUMN);
  let columns = Math.max(SECTORS, Math.round(ideal));
  for (let offset = 0; offset <= ideal * 0.3; offset++) {
    const exact = [Math.round(ideal) - offset, Math.round(ideal) + offset].find(
      (candidate) => candidate >= SECTORS && half % candidate === 0,
    );
    if (exact) {
      columns = exact;
      break;
    }
  }
  const rows = Math.max(4, Math.round(half / columns) + 1);
  return { columns, rows, poleAtStart: true, poleAtEnd: true, firstVertex: 0 };
}

/** One chart of the atlas `atlas`; its UVs are numbered from `firstUv` on. */
export interface ScanChart extends LatticeChart {
  readonly atlas: number;
  readonly firstUv: number;
}

/**
 * Cuts the lattice into bands of rows (equal arc length, so equal triangle counts) and each
 * band into sectors around; consecutive bands share an atlas. Charts are listed atlas by
 * atlas, band by band, which is the order the OBJ writes their UVs and faces in.
 */
export function largeScanCharts(lattice: Lattice, atlases: number): ScanChart[] {
  if (atlases < 1 || atlases > lattice.rows) {
    throw new Error(`${atlases} atlases need at least as many lattice rows; this lattice has ${lattice.rows}`);
  }
  const bands = Math.min(lattice.rows, atlases * BANDS_PER_ATLAS);
  const sectors = Math.min(lattice.columns, SECTORS);
  const charts: ScanChart[] = [];
  let firstUv = 0;
  for (let band = 0; band < bands; band++) {
    const atlas = Math.min(atlases - 1, Math.floor((band * atlases) / bands));
    const row0 = Math.round((band * lattice.rows) / bands);
    const row1 = Math.round(((band + 1) * lattice.rows) / bands);
    for (let sector = 0; sector < sectors; sector++) {
      const column0 = Math.round((sector * lattice.columns) / sectors);
      const column1 = Math.round(((sector + 1) * lattice.columns) / sectors);
      const chart: ScanChart = { lattice, atlas, row0, row1, column0, column1, firstUv };
      charts.push(chart);
      firstUv += chartUvCount(chart);
    }
  }
  return charts;
}

/** UVs of a chart: a full row per lattice row, one per column (at its middle) in a pole row. */
export function chartUvCount(chart: LatticeChart): number {
  const columns = chart.column1 - chart.column0;
  let count = 0;
  for (let row = chart.row0; row <= chart.row1; row++) count += isPoleRow(chart.lattice, row) ? columns : columns + 1;
  return count;
}

/** Index (from 0) of the chart's UV at lattice row `row` and chart-local column `local`. */
export function chartUv(chart: ScanChart, row: number, local: number): number {
  const columns = chart.column1 - chart.column0;
  const startsAtPole = isPoleRow(chart.lattice, chart.row0) && row > chart.row0;
  const rowStart = chart.firstUv + (row - chart.row0) * (columns + 1) - (startsAtPole ? 1 : 0);
  return rowStart + (isPoleRow(chart.lattice, row) ? Math.min(local, columns - 1) : local);
}

/** Chart point (a, b) ∈ [0, 1]² of a chart UV: columns run along a, rows along b. */
export function chartPointOfUv(chart: LatticeChart, row: number, local: number): [number, number] {
  const columns = chart.column1 - chart.column0;
  const a = (isPoleRow(chart.lattice, row) ? local + 0.5 : local) / columns;
  return [a, (row - chart.row0) / (chart.row1 - chart.row0)];
}

export function largeScanCounts(lattice: Lattice, charts: readonly ScanChart[]) {
  const last = charts[charts.length - 1];
  return {
    triangles: latticeTriangleCount(lattice),
    vertices: latticeVertexCount(lattice),
    uvs: last ? last.firstUv + chartUvCount(last) : 0,
  };
}
