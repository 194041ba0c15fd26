// The amphora's colour at a surface point: fired clay, black-figure decoration painted in
// bands (rays, meander, a frieze of warriors, tongues), worn paint, soil and lime crust.
// Decoration is laid out in (angle, height), the rest in 3D noise, so both are continuous
// across the texture's seams.
import type { AtlasShader } from './bake.js';
import type { AmphoraChart } from './amphora-mesh.js';
import { HEIGHT, LIP_TOP, RADIUS, WALL, handlePoint, wallPoint } from './amphora-shape.js';
import { profileValue } from './profile.js';
import { fbm3, hash3, smoothstep, valueNoise3 } from './random.js';
import { MEANDER, warriorCoverage } from './amphora-motifs.js';

const TAU = 2 * Math.PI;
/** Paint edges are soft over a quarter millimetre, as a brush stroke's are. */
const EDGE = 0.00025;

/** Indices of the broad fields, evaluated on the bake's coarse grid. */
const CLAY = 0;
const WARM = 1;
const WEAR = 2;
const SOIL = 3;
const CRUST = 4;

/** The shader that bakes the amphora's atlas. */
export function amphoraShader(charts: readonly AmphoraChart[]): AtlasShader {
  const point = new Float64Array(3);
  const paint = new Float64Array(2);
  // [along, radius, height] of the last wall texel. Along a scanline of an unturned chart
  // the profile position stays the same, so it is looked up once per line, not per texel.
  const wall = Float64Array.of(NaN, 0, 0);
  return {
    fieldCount: 5,
    broad(index, a, b, fields) {
      const chart = charts[index]!;
      const angle = turnOf(chart, a) * TAU;
      const along = alongOf(chart, b);
      if (chart.handle >= 0) handlePoint(chart.handle, along, angle, point);
      else wallPoint(along, angle, point);
      const x = point[0]!;
      const y = point[1]!;
      const z = point[2]!;
      fields[CLAY] = fbm3(x * 6, y * 6, z * 6, 3, 11);
      fields[WARM] = valueNoise3(x * 25, y * 25, z * 25, 12);
      fields[WEAR] = fbm3(x * 30, y * 30, z * 30, 3, 21);
      fields[SOIL] = fbm3(x * 12, y * 12, z * 12, 3, 31);
      fields[CRUST] = fbm3(x * 40, y * 40, z * 40, 2, 32);
    },
    shade(index, a, b, fields, out) {
      const chart = charts[index]!;
      const turn = turnOf(chart, a);
      const along = alongOf(chart, b);
      const handle = chart.handle >= 0;
      const outside = handle || along <= LIP_TOP;
      let height: number;
      if (handle) {
        handlePoint(chart.handle, along, turn * TAU, point);
        height = point[1]!;
        paint[0] = 1;
        paint[1] = 0;
      } else {
        if (along !== wall[0]) {
          wall[0] = along;
          wall[1] = profileValue(WALL, along, RADIUS);
          wall[2] = profileValue(WALL, along, HEIGHT);
        }
        height = wall[2]!;
        if (outside) decoration(turn, height, wall[1]!, paint);
        else insideGlaze(height, paint);
      }
      // Grain is white noise on cells of the surface parameters: interpolated noise would
      // cost more than the rest of the texel and would not show through the JPEG.
      const grain = 2 * hash3(Math.floor(frac(turn) * 4096), Math.floor(along * 4096), chart.handle, 13) - 1;
      shadeClay(height, outside, grain, fields, out);
      applyPaint(paint, grain, fields, out);
      applyBurial(height, outside, grain, fields, out);
    },
  };
}

function turnOf(chart: AmphoraChart, a: number): number {
  return (chart.column0 + a * (chart.column1 - chart.column0)) / chart.lattice.columns;
}

function alongOf(chart: AmphoraChart, b: number): number {
  return (chart.row0 + b * (chart.row1 - chart.row0)) / chart.lattice.rows;
}

function shadeClay(y: number, outside: boolean, grain: number, fields: Float64Array, out: Float64Array): void {
  const broad = fields[CLAY]!;
  const warm = fields[WARM]!;
  // Faint rings left by throwing on the wheel.
  const rings = outside ? 0.025 * Math.sin((y / 0.004) * TAU + 3 * broad) : 0;
  const light = (1 + 0.1 * broad + 0.05 * grain + rings) * (outside ? 1 : 0.55 + 0.45 * smoothstep(0.08, 0.4, y));
  out[0] = (0.74 + 0.04 * warm) * light;
  out[1] = (0.43 + 0.02 * warm) * light;
  out[2] = 0.27 * light;
}

/** Mixes in black gloss (paint[0]) and added red (paint[1]) where they survive wear. */
function applyPaint(paint: Float64Array, grain: number, fields: Float64Array, out: Float64Array): void {
  const black = paint[0]!;
  const red = paint[1]!;
  if (black <= 0 && red <= 0) return;
  // Grain on the threshold frays the edges of the chips, as flaking gloss does.
  const keep = 1 - 0.92 * smoothstep(0.25, 0.4, fields[WEAR]! + 0.1 * grain);
  const sheen = 0.02 * fields[WARM]!;
  mix(out, 0.065 + sheen, 0.058 + sheen, 0.052 + sheen, black * keep);
  mix(out, 0.43, 0.13, 0.1, red * keep);
}

/** Soil in the pores and a whitish lime crust in patches, as on an excavated pot. */
function applyBurial(y: number, outside: boolean, grain: number, fields: Float64Array, out: Float64Array): void {
  const soil = smoothstep(-0.1, 0.6, fields[SOIL]!);
  const low = outside ? 1 - smoothstep(0, 0.06, y) : 1 - smoothstep(0.04, 0.2, y);
  mix(out, 0.33, 0.27, 0.2, Math.min(0.75, 0.3 * soil + 0.35 * low));
  mix(out, 0.8, 0.76, 0.68, 0.7 * smoothstep(0.4, 0.55, fields[CRUST]! + 0.15 * grain));
}

/**
 * Painted coverage on the outer wall at `turn` (angle / 2π); paint = [black, red]. The friezes
 * are stacked in height, so each texel looks only at the one it lies in.
 */
function decoration(turn: number, y: number, radius: number, paint: Float64Array): void {
  let black = 0;
  let red = 0;
  if (y < 0.03) {
    if (radius > 0.047) black = band(y, 0.004, 0.028);
  } else if (y < 0.13) {
    black = rays(turn, y);
  } else if (y < 0.15) {
    black = Math.max(band(y, 0.132, 0.137), band(y, 0.142, 0.144));
  } else if (y < 0.198) {
    black = Math.max(band(y, 0.152, 0.156), band(y, 0.192, 0.196), meander(turn, y));
  } else if (y < 0.295) {
    black = Math.max(band(y, 0.2, 0.203), band(y, 0.287, 0.29), warriors(turn, y, radius));
  } else if (y < 0.338) {
    if (Math.floor(frac(turn) * 36) % 2 === 1) red = tongues(turn, y);
    else black = tongues(turn, y);
  } else {
    black = band(y, 0.34, 1);
  }
  paint[0] = black;
  paint[1] = red;
}

/** The mouth's gloss runs a little way down inside the neck. */
function insideGlaze(y: number, paint: Float64Array): void {
  paint[0] = smoothstep(0.418, 0.426, y);
  paint[1] = 0;
}

function band(y: number, y0: number, y1: number): number {
  return smoothstep(y0 - EDGE, y0 + EDGE, y) * (1 - smoothstep(y1 - EDGE, y1 + EDGE, y));
}

/** Rays rising from the foot: triangles narrowing upwards. */
function rays(turn: number, y: number): number {
  if (y < 0.065 || y > 0.125) return 0;
  const f = Math.abs(frac(turn * 28) - 0.5) * 2;
  const v = (y - 0.065) / 0.06;
  return 1 - smoothstep(-0.02, 0.02, f - (1 - v) * 0.85);
}

function meander(turn: number, y: number): number {
  if (y < 0.158 || y >= 0.19) return 0;
  const column = Math.floor(frac(turn * 28) * MEANDER.width);
  const row = Math.floor(((0.19 - y) / 0.032) * MEANDER.height);
  return MEANDER.cells[row * MEANDER.width + column]!;
}

/** Eight warriors with spear and shield, each turned and placed a little differently. */
function warriors(turn: number, y: number, radius: number): number {
  if (y < 0.204 || y > 0.286) return 0;
  const cell = Math.floor(frac(turn) * 8);
  const width = (TAU * radius) / 8;
  const mirror = hash3(cell, 0, 0, 41) < 0.5 ? -1 : 1;
  const shift = (hash3(cell, 1, 0, 41) - 0.5) * 0.02;
  const u = ((frac(turn * 8) - 0.5) * width - shift) * mirror;
  if (Math.abs(u) > 0.035) return 0;
  return warriorCoverage(u, y - 0.205, EDGE);
}

/** Tongues hanging from the shoulder, black and red in turn. */
function tongues(turn: number, y: number): number {
  if (y < 0.298 || y > 0.335) return 0;
  const across = (Math.abs(frac(turn * 36) - 0.5) * 2) / 0.8;
  const down = (0.335 - y) / 0.037;
  return 1 - smoothstep(0.9, 1, Math.hypot(across, down));
}

function frac(x: number): number {
  return x - Math.floor(x);
}

function mix(out: Float64Array, r: number, g: number, b: number, amount: number): void {
  out[0] = out[0]! + (r - out[0]!) * amount;
  out[1] = out[1]! + (g - out[1]!) * amount;
  out[2] = out[2]! + (b - out[2]!) * amount;
}
