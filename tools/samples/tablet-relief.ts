// The carved face of the tablet, in centimetres: a raised frame, a winged disc in relief,
// a ridge, and five lines of wedge-shaped signs cut into the field; weathered, pitted, and
// broken at one corner. The mesh takes its heights from here and the bake its grime.
import { SeededRandom, fbm3, smoothstep, valueNoise3 } from './random.js';

export const WIDTH = 30;
export const HEIGHT = 21;
export const THICKNESS = 4;

/** What the carving does at a point of the face. */
export interface ReliefSample {
  /** Height above the face's plane, cm (negative where cut or broken). */
  height: number;
  /** Depth of an incised sign here, cm: grime collects in it. */
  groove: number;
  /** 1 on the winged disc, where paint was laid; 0 elsewhere. */
  painted: number;
  /** 1 where the corner broke off: fresh, paler stone. */
  broken: number;
}

const FRAME = 1.6;
const CELL_WIDTH = 1.75;
const ROW_HEIGHT = 2.2;
const FIRST_CELL_X = 2.0;
const ROWS = [12.3, 9.9, 7.5, 5.1, 2.9];
const SIGNS_PER_ROW = 14;
const MAX_STROKES = 4;
/** Each sign: up to four wedges (x0, y0, x1, y1 in the cell, head at 0); unused ones are NaN. */
const SIGNS = makeSigns();

/** The carving and the weathering at (x, y): everything the mesh needs. */
export function relief(x: number, y: number, out: ReliefSample): void {
  carving(x, y, out);
  const edge = Math.min(x, WIDTH - x, y, HEIGHT - y);
  const rounding = -0.35 * (1 - smoothstep(0, 0.8, edge)) ** 2;
  const inField = fieldDistance(x, y);
  const frame = 0.3 * (1 - smoothstep(-0.12, 0.12, inField));
  const ridge = 0.15 * (1 - smoothstep(0.08, 0.16, Math.abs(y - 13.8))) * smoothstep(-0.1, 0.1, inField);
  const weather =
    0.04 * fbm3(x * 1.5, y * 1.5, 0, 3, 71) +
    0.015 * fbm3(x * 6, y * 6, 0, 2, 72) -
    0.05 * smoothstep(0.55, 0.75, valueNoise3(x * 4, y * 4, 0, 73));
  const rough = out.broken > 0 ? out.broken * (-1.1 + 0.12 * fbm3(x * 3, y * 3, 2, 3, 75)) : 0;
  out.height = rounding + frame + wingedDisc(x, y) + ridge - out.groove + weather + rough;
}

/**
 * Only what the bake needs at (x, y): the signs' grooves, the painted relief and the break.
 * The bake calls this for every texel, so the weathering noise stays out of it.
 */
export function carving(x: number, y: number, out: ReliefSample): void {
  // The break's edge wanders by at most 0.7 cm: beyond that radius there is nothing to draw.
  const reach = Math.hypot(WIDTH - x, y);
  const corner = reach < 3.8 ? reach - (2.8 + 0.7 * fbm3(x * 0.8, y * 0.8, 1, 2, 74)) : 1;
  out.broken = smoothstep(0.25, -0.25, corner);
  out.groove = fieldDistance(x, y) > 0 ? signGroove(x, y) * (1 - out.broken) : 0;
  out.painted = wingedDisc(x, y) > 0.02 ? 1 - out.broken : 0;
}

/** Signed distance into the field inside the frame (negative on the frame and beyond). */
function fieldDistance(x: number, y: number): number {
  return Math.min(x - FRAME, WIDTH - FRAME - x, y - FRAME, HEIGHT - FRAME - y);
}

/** The winged sun disc of the upper register: a domed disc and two feathered wings. */
function wingedDisc(x: number, y: number): number {
  const d = Math.hypot(x - 15, y - 17);
  const dome = 0.35 * smoothstep(1.55, 1.35, d) * (0.8 + 0.2 * Math.sqrt(Math.max(0, 1 - (d / 1.5) ** 2)));
  const reach = (Math.abs(x - 15) - 1.4) / 8.1;
  if (reach < 0 || reach > 1) return dome;
  const centre = 17 + 0.5 * reach;
  const halfHeight = 0.2 + 1.2 * (1 - reach ** 1.5);
  const inside = smoothstep(0.08, -0.08, Math.abs(y - centre) - halfHeight);
  const feathers = 0.06 * Math.abs(Math.sin(((x - 15) * Math.PI) / 0.7));
  return Math.max(dome, inside * (0.2 - feathers));
}

/** Depth of the wedge nearest (x, y), V-shaped in section as a chisel cuts. */
function signGroove(x: number, y: number): number {
  const column = Math.floor((x - FIRST_CELL_X) / CELL_WIDTH);
  if (column < 0 || column >= SIGNS_PER_ROW) return 0;
  let depth = 0;
  for (let row = 0; row < ROWS.length; row++) {
    const v = y - ROWS[row]! + ROW_HEIGHT / 2;
    if (v < 0 || v > ROW_HEIGHT) continue;
    const u = x - FIRST_CELL_X - column * CELL_WIDTH;
    const base = (row * SIGNS_PER_ROW + column) * MAX_STROKES * 4;
    for (let k = 0; k < MAX_STROKES; k++) {
      const x0 = SIGNS[base + k * 4]!;
      if (Number.isNaN(x0)) break;
      depth = Math.max(
        depth,
        wedge(u, v, x0, SIGNS[base + k * 4 + 1]!, SIGNS[base + k * 4 + 2]!, SIGNS[base + k * 4 + 3]!),
      );
    }
  }
  return depth;
}

function wedge(u: number, v: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared > 1e-9 ? Math.min(1, Math.max(0, ((u - x0) * dx + (v - y0) * dy) / lengthSquared)) : 0;
  const distance = Math.hypot(u - x0 - t * dx, v - y0 - t * dy);
  const halfWidth = 0.24 - 0.16 * t;
  return distance < halfWidth ? 0.2 * (1 - t * 0.5) * (1 - distance / halfWidth) : 0;
}

/** Random but fixed signs: wedges lying, standing or slanting, as in cuneiform. */
function makeSigns(): Float64Array {
  const random = new SeededRandom(77);
  const signs = new Float64Array(ROWS.length * SIGNS_PER_ROW * MAX_STROKES * 4).fill(NaN);
  const margin = 0.3;
  for (let sign = 0; sign < ROWS.length * SIGNS_PER_ROW; sign++) {
    const strokes = 2 + random.int(3);
    for (let k = 0; k < strokes; k++) {
      const direction = [0, Math.PI / 2, Math.PI / 4, -Math.PI / 4][random.int(4)]!;
      const length = random.range(0.5, 1.1);
      const x0 = random.range(margin, CELL_WIDTH - margin);
      const y0 = random.range(margin, ROW_HEIGHT - margin);
      const x1 = Math.min(CELL_WIDTH - margin, Math.max(margin, x0 + Math.cos(direction) * length));
      const y1 = Math.min(ROW_HEIGHT - margin, Math.max(margin, y0 - Math.sin(direction) * length));
      signs.set([x0, y0, x1, y1], (sign * MAX_STROKES + k) * 4);
    }
  }
  return signs;
}
