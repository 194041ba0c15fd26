// The amphora as a scan mesh: welded lattices for the wall and handles, displaced by the
// clay's relief and a little measurement noise, then cut into many charts for the atlas.
import { packCharts, type AtlasLayout, type ChartSize } from './atlas.js';
import {
  HANDLE_ANGLES,
  HANDLE_SECTION,
  RADIUS,
  WALL,
  handleLength,
  handlePoint,
  surfaceRelief,
  wallNormal,
  wallPoint,
} from './amphora-shape.js';
import {
  isPoleRow,
  latticeTriangleCount,
  latticeVertex,
  latticeVertexCount,
  unwrapCharts,
  weldedTriangles,
  type Lattice,
  type LatticeChart,
} from './lattice.js';
import { vertexNormals } from './normals.js';
import { profileMax } from './profile.js';
import { hash3 } from './random.js';
import type { AmphoraSize } from './scales.js';

/** A chart of the wall (handle -1) or of one handle. */
export interface AmphoraChart extends LatticeChart {
  readonly handle: number;
}

export interface AmphoraMesh {
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  readonly uvs: Float32Array;
  readonly indices: Uint32Array;
  readonly charts: readonly AmphoraChart[];
  readonly layout: AtlasLayout;
}

/** Scanner noise: a few tenths of a millimetre, independent from vertex to vertex. */
const JITTER = 0.00015;
const HANDLE_SEGMENTS = 4;

export function amphoraTriangleCount(size: AmphoraSize): number {
  return amphoraLattices(size).reduce((sum, lattice) => sum + latticeTriangleCount(lattice), 0);
}

export function buildAmphoraMesh(size: AmphoraSize): AmphoraMesh {
  const lattices = amphoraLattices(size);
  const [wall, ...handles] = lattices as [Lattice, ...Lattice[]];
  const vertexCount = lattices.reduce((sum, lattice) => sum + latticeVertexCount(lattice), 0);
  const welded = new Float32Array(vertexCount * 3);
  placeWall(wall, welded);
  handles.forEach((lattice, handle) => placeHandle(lattice, handle, welded));
  const weldedNormals = vertexNormals(welded, weldedTriangles(lattices));

  const charts = [
    ...wallCharts(wall, size.bands),
    ...handles.flatMap((lattice, handle) => handleCharts(lattice, handle)),
  ];
  const layout = packCharts(charts.map(chartSize), { size: size.textureSize, gutter: size.gutter, seed: 7 });
  const unwrapped = unwrapCharts(charts, layout);
  const positions = new Float32Array(unwrapped.source.length * 3);
  const normals = new Float32Array(unwrapped.source.length * 3);
  unwrapped.source.forEach((from, to) => {
    positions.set(welded.subarray(from * 3, from * 3 + 3), to * 3);
    normals.set(weldedNormals.subarray(from * 3, from * 3 + 3), to * 3);
  });
  return { positions, normals, uvs: unwrapped.uvs, indices: unwrapped.indices, charts, layout };
}

function amphoraLattices(size: AmphoraSize): Lattice[] {
  const wall: Lattice = { columns: size.columns, rows: size.rows, poleAtStart: true, poleAtEnd: true, firstVertex: 0 };
  const lattices = [wall];
  let next = latticeVertexCount(wall);
  for (let i = 0; i < HANDLE_ANGLES.length; i++) {
    const handle: Lattice = {
      columns: size.handleAround,
      rows: size.handleAlong,
      poleAtStart: false,
      poleAtEnd: false,
      firstVertex: next,
    };
    lattices.push(handle);
    next += latticeVertexCount(handle);
  }
  return lattices;
}

function placeWall(lattice: Lattice, out: Float32Array): void {
  const point = new Float64Array(3);
  const normal = new Float64Array(2);
  for (let row = 0; row <= lattice.rows; row++) {
    const s = row / lattice.rows;
    wallNormal(s, normal);
    const columns = isPoleRow(lattice, row) ? 1 : lattice.columns;
    for (let column = 0; column < columns; column++) {
      const theta = (column / lattice.columns) * 2 * Math.PI;
      wallPoint(s, theta, point);
      const id = latticeVertex(lattice, column, row);
      const offset = displacement(point, id);
      out[id * 3] = point[0]! + normal[0]! * Math.cos(theta) * offset;
      out[id * 3 + 1] = point[1]! + normal[1]! * offset;
      out[id * 3 + 2] = point[2]! + normal[0]! * Math.sin(theta) * offset;
    }
  }
}

function placeHandle(lattice: Lattice, handle: number, out: Float32Array): void {
  const point = new Float64Array(3);
  const normal = new Float64Array(3);
  for (let row = 0; row <= lattice.rows; row++) {
    for (let column = 0; column < lattice.columns; column++) {
      handlePoint(handle, row / lattice.rows, (column / lattice.columns) * 2 * Math.PI, point, normal);
      const id = latticeVertex(lattice, column, row);
      const offset = displacement(point, id);
      for (let axis = 0; axis < 3; axis++) out[id * 3 + axis] = point[axis]! + normal[axis]! * offset;
    }
  }
}

function displacement(point: Float64Array, id: number): number {
  return surfaceRelief(point[0]!, point[1]!, point[2]!) + JITTER * (2 * hash3(id, 0, 0, 303) - 1);
}

/**
 * Cuts the wall into bands along the profile and each band into sectors, more sectors where
 * the wall is wide, so that charts come out roughly square, as an unwrapper's would.
 */
function wallCharts(lattice: Lattice, bands: number): AmphoraChart[] {
  const charts: AmphoraChart[] = [];
  for (let band = 0; band < bands; band++) {
    const row0 = Math.round((band * lattice.rows) / bands);
    const row1 = Math.round(((band + 1) * lattice.rows) / bands);
    const widest = profileMax(WALL, row0 / lattice.rows, row1 / lattice.rows, RADIUS);
    const bandLength = ((row1 - row0) / lattice.rows) * WALL.length;
    const ideal = (2 * Math.PI * widest) / bandLength;
    const sectors = Math.min(32, Math.max(2, 2 ** Math.round(Math.log2(ideal))));
    const step = lattice.columns / sectors;
    for (let sector = 0; sector < sectors; sector++) {
      charts.push({ lattice, handle: -1, column0: sector * step, column1: (sector + 1) * step, row0, row1 });
    }
  }
  return charts;
}

/** A handle is cut along its length into segments, and each segment into two half-tubes. */
function handleCharts(lattice: Lattice, handle: number): AmphoraChart[] {
  const charts: AmphoraChart[] = [];
  const half = lattice.columns / 2;
  for (let segment = 0; segment < HANDLE_SEGMENTS; segment++) {
    const row0 = Math.round((segment * lattice.rows) / HANDLE_SEGMENTS);
    const row1 = Math.round(((segment + 1) * lattice.rows) / HANDLE_SEGMENTS);
    for (let side = 0; side < 2; side++) {
      charts.push({ lattice, handle, column0: side * half, column1: (side + 1) * half, row0, row1 });
    }
  }
  return charts;
}

function chartSize(chart: AmphoraChart): ChartSize {
  const { lattice } = chart;
  const rows = (chart.row1 - chart.row0) / lattice.rows;
  const columns = (chart.column1 - chart.column0) / lattice.columns;
  if (chart.handle < 0) {
    const widest = profileMax(WALL, chart.row0 / lattice.rows, chart.row1 / lattice.rows, RADIUS);
    return { width: 2 * Math.PI * widest * columns, height: WALL.length * rows };
  }
  const [a, b] = HANDLE_SECTION;
  const circumference = 2 * Math.PI * Math.sqrt((a * a + b * b) / 2);
  return { width: circumference * columns, height: handleLength() * rows };
}
