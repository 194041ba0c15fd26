// Packs rectangular UV charts into a square texture atlas, as a photogrammetry tool's
// unwrapper does: every chart at the same texel density, a gutter around each, charts
// turned and shuffled so that neighbours on the surface are rarely neighbours in the image.
import { SeededRandom } from './random.js';

/** A chart's size on the surface (any length unit, scaled by its wanted texel density). */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/**
 * Where a chart lies in the atlas, in texels. `width` and `height` are the chart's own
 * (unturned) sides; a `rotated` chart lies on its side, a `flipped` one upside down.
 */
export interface ChartPlacement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly rotated: boolean;
  readonly flipped: boolean;
}

export interface AtlasLayout {
  readonly size: number;
  readonly gutter: number;
  readonly placements: readonly ChartPlacement[];
  readonly texelsPerUnit: number;
}

export interface PackOptions {
  /** Side of the square atlas in texels. */
  readonly size: number;
  /** Free texels kept on every side of a chart, for the bake to bleed into. */
  readonly gutter: number;
  readonly seed: number;
}

/** Packs the charts at the largest texel density that fits (shelf packing, bisected). */
export function packCharts(charts: readonly ChartSize[], options: PackOptions): AtlasLayout {
  const random = new SeededRandom(options.seed);
  const flipped = charts.map(() => random.next() < 0.35);
  const shuffle = charts.map(() => random.next());
  const largest = Math.max(...charts.map((chart) => Math.max(chart.width, chart.height)));
  let low = 0;
  let high = options.size / largest;
  let best = tryPack(charts, low, options, flipped, shuffle);
  if (!best) throw new Error(`${charts.length} charts do not fit in a ${options.size}² atlas`);
  let bestDensity = low;
  for (let step = 0; step < 40; step++) {
    const density = (low + high) / 2;
    const placements = tryPack(charts, density, options, flipped, shuffle);
    if (placements) {
      best = placements;
      bestDensity = density;
      low = density;
    } else {
      high = density;
    }
  }
  return { size: options.size, gutter: options.gutter, placements: best, texelsPerUnit: bestDensity };
}

function tryPack(
  charts: readonly ChartSize[],
  density: number,
  options: PackOptions,
  flipped: readonly boolean[],
  shuffle: readonly number[],
): ChartPlacement[] | undefined {
  const { size, gutter } = options;
  const items = charts.map((chart, index) => {
    const width = Math.max(1, Math.ceil(chart.width * density));
    const height = Math.max(1, Math.ceil(chart.height * density));
    // Lying every chart on its long side keeps the shelves low and the packing tight.
    const rotated = height > width;
    return {
      index,
      width,
      height,
      rotated,
      footprintWidth: (rotated ? height : width) + 2 * gutter,
      footprintHeight: (rotated ? width : height) + 2 * gutter,
    };
  });
  items.sort((p, q) => q.footprintHeight - p.footprintHeight || shuffle[p.index]! - shuffle[q.index]!);
  const placements = new Array<ChartPlacement>(charts.length);
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const item of items) {
    if (item.footprintWidth > size) return undefined;
    if (x + item.footprintWidth > size) {
      y += shelf;
      x = 0;
      shelf = 0;
    }
    if (y + item.footprintHeight > size) return undefined;
    placements[item.index] = {
      x: x + gutter,
      y: y + gutter,
      width: item.width,
      height: item.height,
      rotated: item.rotated,
      flipped: flipped[item.index]!,
    };
    x += item.footprintWidth;
    shelf = Math.max(shelf, item.footprintHeight);
  }
  return placements;
}

/** Texel coordinates (y down, as the image's rows) of chart point (a, b) ∈ [0, 1]². */
export function chartToAtlas(placement: ChartPlacement, a: number, b: number, out: Float64Array): void {
  const u = placement.flipped ? 1 - a : a;
  const v = placement.flipped ? 1 - b : b;
  if (placement.rotated) {
    out[0] = placement.x + v * placement.height;
    out[1] = placement.y + (1 - u) * placement.width;
  } else {
    out[0] = placement.x + u * placement.width;
    out[1] = placement.y + v * placement.height;
  }
}

/** The chart point (a, b) at texel coordinates (x, y): the inverse of chartToAtlas. */
export function atlasToChart(placement: ChartPlacement, x: number, y: number, out: Float64Array): void {
  let u: number;
  let v: number;
  if (placement.rotated) {
    v = (x - placement.x) / placement.height;
    u = 1 - (y - placement.y) / placement.width;
  } else {
    u = (x - placement.x) / placement.width;
    v = (y - placement.y) / placement.height;
  }
  out[0] = placement.flipped ? 1 - u : u;
  out[1] = placement.flipped ? 1 - v : v;
}

/** The rectangle a placed chart covers in the atlas: [x0, x1) × [y0, y1). */
export function placementBounds(placement: ChartPlacement): { x1: number; y1: number } {
  const width = placement.rotated ? placement.height : placement.width;
  const height = placement.rotated ? placement.width : placement.height;
  return { x1: placement.x + width, y1: placement.y + height };
}
