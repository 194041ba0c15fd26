// Streams the large scan's OBJ as photogrammetry tools lay it out: every position, then
// every UV, then every normal, then the faces material by material (`usemtl`), indices
// from 1 and V up the image. Each block is one pass over the lattice; only three rows of
// positions are ever held, so memory does not grow with the triangle count.
import { chartToAtlas } from './atlas.js';
import type { ScanAtlasLayout } from './large-scan-atlases.js';
import { chartPointOfUv, chartUv, type ScanChart } from './large-scan-lattice.js';
import { rowNormals, type SurfaceRows } from './large-scan-surface.js';
import { isPoleRow, latticeVertex, type Lattice } from './lattice.js';
import type { TextFileWriter } from './text-file-writer.js';

export interface ObjLayout {
  readonly header: readonly string[];
  readonly mtlFile: string;
  readonly object: string;
  /** Material name of each atlas. */
  readonly materials: readonly string[];
  readonly normals: boolean;
}

/** Reports a pass's progress: `done` of `total` units (rows, charts). */
export type PassProgress = (pass: string, done: number, total: number) => void;

export function writeLargeScanObj(
  out: TextFileWriter,
  surface: SurfaceRows,
  atlases: readonly ScanAtlasLayout[],
  names: ObjLayout,
  progress: PassProgress,
): void {
  for (const line of names.header) out.line(`# ${line}`);
  out.line(`mtllib ${names.mtlFile}`);
  out.line(`o ${names.object}`);
  writePositions(out, surface, progress);
  writeUvs(out, atlases, progress);
  if (names.normals) writeNormals(out, surface, progress);
  writeFaces(out, surface.lattice, atlases, names, progress);
}

function writePositions(out: TextFileWriter, surface: SurfaceRows, progress: PassProgress): void {
  const { lattice } = surface;
  const row = new Float64Array(lattice.columns * 3);
  for (let r = 0; r <= lattice.rows; r++) {
    surface.row(r, row);
    const columns = isPoleRow(lattice, r) ? 1 : lattice.columns;
    for (let c = 0; c < columns; c++) {
      out.line(`v ${row[c * 3]!.toFixed(4)} ${row[c * 3 + 1]!.toFixed(4)} ${row[c * 3 + 2]!.toFixed(4)}`);
    }
    progress('positions', r + 1, lattice.rows + 1);
  }
}

function writeUvs(out: TextFileWriter, atlases: readonly ScanAtlasLayout[], progress: PassProgress): void {
  const texel = new Float64Array(2);
  const total = atlases.reduce((sum, atlas) => sum + atlas.charts.length, 0);
  let done = 0;
  for (const { layout, charts } of atlases) {
    charts.forEach((chart, index) => {
      const placement = layout.placements[index]!;
      const columns = chart.column1 - chart.column0;
      for (let row = chart.row0; row <= chart.row1; row++) {
        const count = isPoleRow(chart.lattice, row) ? columns : columns + 1;
        for (let local = 0; local < count; local++) {
          const [a, b] = chartPointOfUv(chart, row, local);
          chartToAtlas(placement, a, b, texel);
          out.line(`vt ${(texel[0]! / layout.size).toFixed(6)} ${(1 - texel[1]! / layout.size).toFixed(6)}`);
        }
      }
      progress('texture coordinates', ++done, total);
    });
  }
}

function writeNormals(out: TextFileWriter, surface: SurfaceRows, progress: PassProgress): void {
  const { lattice } = surface;
  const size = lattice.columns * 3;
  let below = new Float64Array(size);
  let here = new Float64Array(size);
  let above = new Float64Array(size);
  const normals = new Float64Array(size);
  surface.row(0, here);
  surface.row(1, above);
  for (let r = 0; r <= lattice.rows; r++) {
    rowNormals(lattice, r, below, here, above, normals);
    const columns = isPoleRow(lattice, r) ? 1 : lattice.columns;
    for (let c = 0; c < columns; c++) {
      out.line(`vn ${normals[c * 3]!.toFixed(4)} ${normals[c * 3 + 1]!.toFixed(4)} ${normals[c * 3 + 2]!.toFixed(4)}`);
    }
    [below, here, above] = [here, above, below];
    if (r + 2 <= lattice.rows) surface.row(r + 2, above);
    progress('normals', r + 1, lattice.rows + 1);
  }
}

function writeFaces(
  out: TextFileWriter,
  lattice: Lattice,
  atlases: readonly ScanAtlasLayout[],
  names: ObjLayout,
  progress: PassProgress,
): void {
  // One normal per position, so a corner's normal index is its position index.
  const corner = names.normals
    ? (v: number, vt: number) => `${v + 1}/${vt + 1}/${v + 1}`
    : (v: number, vt: number) => `${v + 1}/${vt + 1}`;
  const total = atlases.reduce((sum, atlas) => sum + atlas.charts.length, 0);
  let done = 0;
  atlases.forEach(({ charts }, atlas) => {
    out.line(`usemtl ${names.materials[atlas]!}`);
    for (const chart of charts) {
      writeChartFaces(out, lattice, chart, corner);
      progress('faces', ++done, total);
    }
  });
}

/** The chart's cells as triangles, wound as lattice.ts winds them (outwards). */
function writeChartFaces(
  out: TextFileWriter,
  lattice: Lattice,
  chart: ScanChart,
  corner: (v: number, vt: number) => string,
): void {
  for (let row = chart.row0; row < chart.row1; row++) {
    const poleBelow = isPoleRow(lattice, row);
    const poleAbove = isPoleRow(lattice, row + 1);
    for (let column = chart.column0; column < chart.column1; column++) {
      const local = column - chart.column0;
      const v00 = corner(latticeVertex(lattice, column, row), chartUv(chart, row, local));
      // A pole is one position but one UV per column (its middle): both corners of a cell there take it.
      const v10 = poleBelow ? v00 : corner(latticeVertex(lattice, column + 1, row), chartUv(chart, row, local + 1));
      const v01 = corner(latticeVertex(lattice, column, row + 1), chartUv(chart, row + 1, local));
      const v11 = poleAbove
        ? v01
        : corner(latticeVertex(lattice, column + 1, row + 1), chartUv(chart, row + 1, local + 1));
      if (!poleBelow) out.line(`f ${v00} ${v01} ${v10}`);
      if (!poleAbove) out.line(`f ${v10} ${v01} ${v11}`);
    }
  }
}
