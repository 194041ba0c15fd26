// The amphora's form, in metres with Y up: one wall profile turned about the Y axis (outer
// foot, belly, neck, lip, then down the inside to the inner floor) and two handles swept
// from shoulder to neck. Mesh and bake both read it, so the texture fits the geometry.
import { createProfile, profileValue } from './profile.js';
import { fbm3, smoothstep } from './random.js';

/** (radius, height) keys from the outer base centre up and over the lip to the inner floor centre. */
const WALL_KEYS: readonly (readonly [number, number])[] = [
  [0.0, 0.01],
  [0.03, 0.008],
  [0.046, 0.002],
  [0.052, 0.0],
  [0.058, 0.006],
  [0.058, 0.016],
  [0.05, 0.026],
  [0.046, 0.036],
  [0.06, 0.06],
  [0.095, 0.1],
  [0.128, 0.15],
  [0.146, 0.205],
  [0.142, 0.25],
  [0.122, 0.295],
  [0.088, 0.33],
  [0.062, 0.352],
  [0.054, 0.375],
  [0.053, 0.4],
  [0.058, 0.422],
  [0.07, 0.436],
  [0.078, 0.444],
  [0.077, 0.451],
  [0.07, 0.452],
  [0.062, 0.447],
  [0.05, 0.43],
  [0.046, 0.4],
  [0.047, 0.375],
  [0.055, 0.352],
  [0.08, 0.328],
  [0.114, 0.293],
  [0.134, 0.25],
  [0.139, 0.205],
  [0.121, 0.152],
  [0.089, 0.105],
  [0.056, 0.068],
  [0.035, 0.05],
  [0.015, 0.044],
  [0.0, 0.043],
];

export const WALL = createProfile(WALL_KEYS, [0, 1]);
export const RADIUS = 0;
export const HEIGHT = 1;

/** Arc-length fraction of the lip's top: below it the wall is outside, above it inside. */
export const LIP_TOP = findLipTop();

/** Angles about Y of the two handles, on opposite sides as on every amphora. */
export const HANDLE_ANGLES: readonly number[] = [0, Math.PI];
type Point = readonly [number, number];
const HANDLE_CURVE: readonly Point[] = [
  [0.114, 0.3],
  [0.158, 0.33],
  [0.15, 0.43],
  [0.049, 0.395],
];
/** Half-axes of the handle's oval section: wide in its own plane, narrower across. */
export const HANDLE_SECTION = [0.011, 0.008] as const;

/** Point of the undisplaced wall at profile fraction s and angle theta; out = [x, y, z]. */
export function wallPoint(s: number, theta: number, out: Float64Array): void {
  const r = profileValue(WALL, s, RADIUS);
  out[0] = r * Math.cos(theta);
  out[1] = profileValue(WALL, s, HEIGHT);
  out[2] = r * Math.sin(theta);
}

/** The wall's outward normal in the (radius, height) plane at s; out = [nr, ny]. */
export function wallNormal(s: number, out: Float64Array): void {
  const e = 1 / (WALL.samples - 1);
  const s0 = Math.max(0, s - e);
  const s1 = Math.min(1, s + e);
  const dr = profileValue(WALL, s1, RADIUS) - profileValue(WALL, s0, RADIUS);
  const dy = profileValue(WALL, s1, HEIGHT) - profileValue(WALL, s0, HEIGHT);
  const length = Math.hypot(dr, dy) || 1;
  out[0] = dy / length;
  out[1] = -dr / length;
}

/**
 * Point on handle `handle` at t ∈ [0, 1] along and phi around; out = [x, y, z] and, when
 * given, `normal` = the section's outward direction. The ends taper inside the wall, so the
 * handle looks fused to the body as on a thrown pot.
 */
export function handlePoint(handle: number, t: number, phi: number, out: Float64Array, normal?: Float64Array): void {
  const angle = HANDLE_ANGLES[handle]!;
  const [rho, y, dRho, dY] = bezier(Math.min(1, Math.max(0, t)));
  const length = Math.hypot(dRho, dY) || 1;
  const tr = dRho / length;
  const ty = dY / length;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Frame: tangent T in the handle's plane, B across it (the body's circumferential direction),
  // N = T × B; in (radial, Y, circumferential) coordinates N is (ty, -tr, 0).
  const taper = (0.3 + 0.7 * smoothstep(0, 0.08, t)) * (0.3 + 0.7 * smoothstep(0, 0.08, 1 - t));
  const along = Math.cos(phi) * HANDLE_SECTION[0] * taper;
  const across = Math.sin(phi) * HANDLE_SECTION[1] * taper;
  const radial = rho + along * ty;
  out[0] = radial * cos - across * sin;
  out[1] = y - along * tr;
  out[2] = radial * sin + across * cos;
  if (normal) {
    const nr = Math.cos(phi) * ty;
    normal[0] = nr * cos - Math.sin(phi) * sin;
    normal[1] = -Math.cos(phi) * tr;
    normal[2] = nr * sin + Math.sin(phi) * cos;
  }
}

/** Length of a handle's centre line, for its charts' share of the atlas. */
export function handleLength(): number {
  let length = 0;
  let [previousRho, previousY] = bezier(0);
  for (let i = 1; i <= 256; i++) {
    const [rho, y] = bezier(i / 256);
    length += Math.hypot(rho - previousRho, y - previousY);
    previousRho = rho;
    previousY = y;
  }
  return length;
}

/**
 * The fired clay's unevenness, in metres along the normal: broad undulation from throwing
 * plus finer lumps, at the scale a photogrammetry mesh records.
 */
export function surfaceRelief(x: number, y: number, z: number): number {
  return 0.0011 * fbm3(x * 18, y * 18, z * 18, 4, 101) + 0.00035 * fbm3(x * 90, y * 90, z * 90, 2, 202);
}

function bezier(t: number): [number, number, number, number] {
  const [p0, p1, p2, p3] = HANDLE_CURVE as [Point, Point, Point, Point];
  const u = 1 - t;
  const w0 = u * u * u;
  const w1 = 3 * u * u * t;
  const w2 = 3 * u * t * t;
  const w3 = t * t * t;
  const d0 = 3 * u * u;
  const d1 = 6 * u * t;
  const d2 = 3 * t * t;
  return [
    w0 * p0[0] + w1 * p1[0] + w2 * p2[0] + w3 * p3[0],
    w0 * p0[1] + w1 * p1[1] + w2 * p2[1] + w3 * p3[1],
    d0 * (p1[0] - p0[0]) + d1 * (p2[0] - p1[0]) + d2 * (p3[0] - p2[0]),
    d0 * (p1[1] - p0[1]) + d1 * (p2[1] - p1[1]) + d2 * (p3[1] - p2[1]),
  ];
}

function findLipTop(): number {
  let best = 0;
  for (let i = 0; i < WALL.samples; i++) {
    if (WALL.values[i * WALL.channels + HEIGHT]! > WALL.values[best * WALL.channels + HEIGHT]!) best = i;
  }
  return best / (WALL.samples - 1);
}
