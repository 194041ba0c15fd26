// The painted motifs of the amphora, as small pictures: a meander unit as cells, and a
// warrior as a distance field (so that edges stay crisp at any texel density).
import { smoothstep } from './random.js';

const MEANDER_ROWS = ['11111110', '10000010', '10111010', '10101010', '10100010', '10111110', '10000000', '11111111'];

/** One unit of a running meander (Greek key), rows from the top; 1 is paint. */
export const MEANDER = {
  width: 8,
  height: 8,
  cells: Uint8Array.from(MEANDER_ROWS.join(''), (cell) => Number(cell)),
} as const;

/**
 * Paint coverage of a black-figure warrior (spear, round shield with an incised rim) at
 * (u, v) metres: u across from the figure's axis, v up from the frieze's lower line.
 */
export function warriorCoverage(u: number, v: number, edge: number): number {
  let d = circle(u, v, 0, 0.066, 0.0062);
  d = Math.min(d, capsule(u, v, -0.006, 0.074, 0.004, 0.078, 0.0015));
  d = Math.min(d, capsule(u, v, 0, 0.058, 0.001, 0.036, 0.0065));
  d = Math.min(d, capsule(u, v, 0.001, 0.036, -0.011, 0.003, 0.0032));
  d = Math.min(d, capsule(u, v, 0.001, 0.036, 0.01, 0.004, 0.0032));
  d = Math.min(d, capsule(u, v, 0, 0.055, -0.007, 0.045, 0.002));
  d = Math.min(d, capsule(u, v, -0.018, 0.002, 0.012, 0.08, 0.001));
  const shield = circle(u, v, 0.013, 0.042, 0.0135);
  d = Math.min(d, shield);
  const cover = 1 - smoothstep(-edge, edge, d);
  // Black-figure painters scratched details through the paint: here the shield's rim.
  const rim = Math.abs(shield + 0.0035) - 0.0005;
  return cover * smoothstep(-edge, edge, rim);
}

function circle(u: number, v: number, cu: number, cv: number, radius: number): number {
  return Math.hypot(u - cu, v - cv) - radius;
}

function capsule(u: number, v: number, u0: number, v0: number, u1: number, v1: number, radius: number): number {
  const du = u1 - u0;
  const dv = v1 - v0;
  const t = Math.min(1, Math.max(0, ((u - u0) * du + (v - v0) * dv) / (du * du + dv * dv)));
  return Math.hypot(u - u0 - t * du, v - v0 - t * dv) - radius;
}
