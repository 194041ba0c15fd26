// The large scan's texture atlases: each atlas packs its charts at one texel density
// (atlas.ts) and bakes the bust's marble colour into them (bake.ts, bust-paint.ts). Baked
// and encoded one at a time: an 8192² RGB image is 200 MB, and a scan may have twenty.
import { packCharts, type AtlasLayout, type ChartSize } from './atlas.js';
import { bakeAtlas, type AtlasShader } from './bake.js';
import { bustColour } from './bust-paint.js';
import type { BustPoint } from './bust-shape.js';
import { encodeJpeg } from './jpeg.js';
import type { ScanChart } from './large-scan-lattice.js';
import { smoothPoint } from './large-scan-surface.js';
import { hash3 } from './random.js';

/** Unused atlas space, dark as most bakers leave it. */
const BACKGROUND = [20, 17, 15] as const;
/** Points measured along each side of a chart to size it on the surface. */
const MEASURE_STEPS = 8;

export interface ScanAtlasLayout {
  readonly layout: AtlasLayout;
  /** The charts of this atlas, in the order of `layout.placements`. */
  readonly charts: readonly ScanChart[];
}

/** Packs each atlas's charts; a chart's size is its length around and along the bust's surface. */
export function layoutAtlases(
  charts: readonly ScanChart[],
  atlases: number,
  size: number,
  seed: number,
): ScanAtlasLayout[] {
  // A gutter of about 1/1000 of the side keeps JPEG blocks and mipmaps from bleeding across charts.
  const gutter = Math.max(2, Math.round(size / 1024) * 2);
  return Array.from({ length: atlases }, (_, atlas) => {
    const own = charts.filter((chart) => chart.atlas === atlas);
    const layout = packCharts(own.map(measureChart), { size, gutter, seed: seed * 101 + atlas });
    return { layout, charts: own };
  });
}

/** Bakes atlas `index` and encodes it as JPEG; the raw image is dropped before the next one. */
export async function encodeAtlas(atlas: ScanAtlasLayout, seed: number): Promise<Uint8Array> {
  const image = bakeAtlas(atlas.layout, bustAtlasShader(atlas, seed), BACKGROUND);
  return encodeJpeg(image, atlas.layout.size);
}

const RED = 0;
const GREEN = 1;
const BLUE = 2;
const SOCLE = 3;

/**
 * The bust's colour (bust-paint.ts) as broad fields, which bake.ts evaluates every eighth
 * texel; each texel adds the fine grain a photograph of marble shows.
 */
function bustAtlasShader(atlas: ScanAtlasLayout, seed: number): AtlasShader {
  const point: BustPoint = { x: 0, y: 0, z: 0, hollow: 0, hair: 0 };
  const colour = new Float64Array(3);
  const texelsAcross = atlas.layout.placements.map((placement) => [placement.width, placement.height] as const);
  return {
    fieldCount: 4,
    broad(chart, a, b, fields) {
      const { lattice, row0, row1, column0, column1 } = atlas.charts[chart]!;
      smoothPoint(lattice, row0 + b * (row1 - row0), column0 + a * (column1 - column0), point);
      bustColour(point, 0, colour);
      fields[RED] = colour[0]!;
      fields[GREEN] = colour[1]!;
      fields[BLUE] = colour[2]!;
      fields[SOCLE] = point.z < 42 ? 1 : 0;
    },
    shade(chart, a, b, fields, out) {
      const [width, height] = texelsAcross[chart]!;
      const grain = hash3(Math.floor(a * width), Math.floor(b * height), chart, seed) - 0.5;
      // The socle's dark stone is speckled; the marble only faintly grained.
      const light = 1 + grain * (0.05 + 0.3 * fields[SOCLE]!);
      out[0] = fields[RED]! * light;
      out[1] = fields[GREEN]! * light;
      out[2] = fields[BLUE]! * light;
    },
  };
}

function measureChart(chart: ScanChart): ChartSize {
  const { lattice, row0, row1, column0, column1 } = chart;
  const point: BustPoint = { x: 0, y: 0, z: 0, hollow: 0, hair: 0 };
  const polyline = (at: (t: number) => [number, number]): number => {
    let length = 0;
    let previous: [number, number, number] | undefined;
    for (let step = 0; step <= MEASURE_STEPS; step++) {
      const [row, column] = at(step / MEASURE_STEPS);
      smoothPoint(lattice, row, column, point);
      if (previous) length += Math.hypot(point.x - previous[0], point.y - previous[1], point.z - previous[2]);
      previous = [point.x, point.y, point.z];
    }
    return length;
  };
  let width = 0;
  let height = 0;
  for (let step = 0; step <= MEASURE_STEPS; step++) {
    const t = step / MEASURE_STEPS;
    width = Math.max(
      width,
      polyline((a) => [row0 + t * (row1 - row0), column0 + a * (column1 - column0)]),
    );
    height = Math.max(
      height,
      polyline((b) => [row0 + b * (row1 - row0), column0 + t * (column1 - column0)]),
    );
  }
  // A chart around a pole is a fan of slivers: give it at least a little width.
  return { width: Math.max(width, height * 0.05, 1e-3), height: Math.max(height, 1e-3) };
}
