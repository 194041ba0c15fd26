// Bakes a colour texture the way a photogrammetry tool does: every texel of a chart takes
// the colour of the surface point it maps to. Shaders are called with the chart point
// rather than the texel, so colour comes from the object and matches across UV seams.
import { atlasToChart, placementBounds, type AtlasLayout, type ChartPlacement } from './atlas.js';

/**
 * A surface's colour, in two parts. Fractal noise is the bake's main cost and most of it is
 * broad (centimetres, where a texel is a fraction of a millimetre), so broad fields are
 * evaluated on a coarse grid and interpolated; only fine detail is computed per texel.
 * Chart points (a, b) lie in [0, 1]², a little outside in the gutter: shaders continue the
 * surface there, which makes the gutter a true dilation rather than a smear of the border.
 */
export interface AtlasShader {
  /** How many broad fields `broad` writes. */
  readonly fieldCount: number;
  /** Writes the broad fields at chart point (a, b) into fields[0 .. fieldCount). */
  broad(chart: number, a: number, b: number, fields: Float64Array): void;
  /** Writes the sRGB colour (components in [0, 1]) at (a, b) into out[0..2]. */
  shade(chart: number, a: number, b: number, fields: Float64Array, out: Float64Array): void;
}

/** Texels between the nodes of the broad fields' grid (a power of two). */
const STEP = 8;

/** An RGB image (3 bytes a texel, rows top to bottom) of the whole atlas. */
export function bakeAtlas(
  layout: AtlasLayout,
  shader: AtlasShader,
  background: readonly [number, number, number],
): Uint8Array {
  const { size, gutter } = layout;
  // A clamped array rounds and clamps the shader's 0..255 values on assignment.
  const image = new Uint8ClampedArray(size * size * 3);
  image.set(background);
  for (let filled = 3; filled < image.length; filled *= 2) image.copyWithin(filled, 0, filled);
  const k = shader.fieldCount;
  const fields = new Float64Array(k);
  const colour = new Float64Array(3);
  layout.placements.forEach((placement, chart) => {
    const { x1, y1 } = placementBounds(placement);
    const xStart = Math.max(0, placement.x - gutter);
    const yStart = Math.max(0, placement.y - gutter);
    const width = Math.min(size, x1 + gutter) - xStart;
    const height = Math.min(size, y1 + gutter) - yStart;
    // Chart points are an affine function of texel centres: step them instead of mapping each.
    const map = affineMap(placement, xStart + 0.5, yStart + 0.5);
    const grid = broadGrid(shader, chart, map, width, height);
    const nodesX = Math.floor((width - 1) / STEP) + 2;
    const row = new Float64Array(nodesX * k);
    for (let y = 0; y < height; y++) {
      const j = Math.floor(y / STEP);
      const ty = (y % STEP) / STEP;
      for (let n = 0; n < nodesX * k; n++) {
        const top = grid[j * nodesX * k + n]!;
        row[n] = top + (grid[(j + 1) * nodesX * k + n]! - top) * ty;
      }
      let a = map.a + y * map.aPerY;
      let b = map.b + y * map.bPerY;
      let offset = ((yStart + y) * size + xStart) * 3;
      for (let x = 0; x < width; x++) {
        const node = Math.floor(x / STEP) * k;
        const tx = (x % STEP) / STEP;
        for (let f = 0; f < k; f++) {
          const left = row[node + f]!;
          fields[f] = left + (row[node + k + f]! - left) * tx;
        }
        shader.shade(chart, a, b, fields, colour);
        image[offset] = colour[0]! * 255;
        image[offset + 1] = colour[1]! * 255;
        image[offset + 2] = colour[2]! * 255;
        offset += 3;
        a += map.aPerX;
        b += map.bPerX;
      }
    }
  });
  return new Uint8Array(image.buffer);
}

interface AffineMap {
  a: number;
  b: number;
  aPerX: number;
  bPerX: number;
  aPerY: number;
  bPerY: number;
}

/** Chart point at texel (x0, y0) and its change per texel step in x and in y. */
function affineMap(placement: ChartPlacement, x0: number, y0: number): AffineMap {
  const origin = new Float64Array(2);
  const right = new Float64Array(2);
  const down = new Float64Array(2);
  atlasToChart(placement, x0, y0, origin);
  atlasToChart(placement, x0 + 1, y0, right);
  atlasToChart(placement, x0, y0 + 1, down);
  return {
    a: origin[0]!,
    b: origin[1]!,
    aPerX: right[0]! - origin[0]!,
    bPerX: right[1]! - origin[1]!,
    aPerY: down[0]! - origin[0]!,
    bPerY: down[1]! - origin[1]!,
  };
}

/** The broad fields at every STEP-th texel, one node beyond the region on each far side. */
function broadGrid(shader: AtlasShader, chart: number, map: AffineMap, width: number, height: number): Float64Array {
  const k = shader.fieldCount;
  const nodesX = Math.floor((width - 1) / STEP) + 2;
  const nodesY = Math.floor((height - 1) / STEP) + 2;
  const grid = new Float64Array(nodesX * nodesY * k);
  const fields = new Float64Array(k);
  for (let j = 0; j < nodesY; j++) {
    for (let i = 0; i < nodesX; i++) {
      const x = i * STEP;
      const y = j * STEP;
      shader.broad(chart, map.a + x * map.aPerX + y * map.aPerY, map.b + x * map.bPerX + y * map.bPerY, fields);
      grid.set(fields, (j * nodesX + i) * k);
    }
  }
  return grid;
}
