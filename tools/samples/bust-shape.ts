// A marble bust as a laser scanner sees it, in millimetres with Z up and the face towards
// -Y: a stack of rounded cross-sections (socle, chest, neck, head) with the face's features
// raised and sunk on it, and the scanner's noise on top.
import { createProfile, profileValue } from './profile.js';
import { fbm3, hash3, smoothstep, valueNoise3 } from './random.js';

const Z = 0;
const HALF_WIDTH = 1;
const HALF_DEPTH = 2;
const ROUNDNESS = 3;
const FORWARD = 4;
const MEAN_SIZE = 5;

/** Cross-sections from the socle's underside to the crown: z, half-width, half-depth, superellipse exponent, forward shift. */
const SECTIONS: readonly (readonly number[])[] = [
  [0, 0, 0, 4, 0],
  [0, 70, 70, 4, 0],
  [3, 75, 75, 4, 0],
  [35, 72, 72, 4, 0],
  [40, 55, 55, 3, 0],
  [46, 50, 45, 2.5, 0],
  [52, 105, 62, 2.5, 0],
  [60, 125, 70, 2.2, 0],
  [100, 140, 75, 2.2, 0],
  [135, 148, 68, 2.4, 0],
  [152, 115, 58, 2.2, 0],
  [164, 58, 50, 2, -2],
  [178, 40, 44, 2, -4],
  [192, 42, 50, 2, -8],
  [205, 50, 62, 2, -10],
  [230, 56, 70, 2, -10],
  [255, 58, 72, 2, -9],
  [285, 58, 72, 2, -7],
  [315, 52, 66, 2, -5],
  [338, 38, 50, 2, -4],
  [350, 14, 18, 2, -4],
  [352, 0, 0, 2, -4],
].map((section) => [...section, (section[HALF_WIDTH]! + section[HALF_DEPTH]!) / 2]);

/** The mean half-size (last channel) and z measure arc length, so rows come out even. */
const BODY = createProfile(SECTIONS, [MEAN_SIZE, Z]);

/** The face looks along -Y. */
const FRONT = -Math.PI / 2;

export interface BustPoint {
  x: number;
  y: number;
  z: number;
  /** How far a feature sinks the surface here (mm, ≥ 0): eye sockets, mouth; dirt gathers there. */
  hollow: number;
  /** 0 to 1: how much of the surface here is hair. */
  hair: number;
}

/**
 * The scanned surface at profile fraction s and angle `angle` (radians about Z). `id` seeds
 * the scanner's per-point noise.
 */
export function bustPoint(s: number, angle: number, id: number, out: BustPoint): void {
  const z = profileValue(BODY, s, Z);
  const a = profileValue(BODY, s, HALF_WIDTH);
  const b = profileValue(BODY, s, HALF_DEPTH);
  const n = profileValue(BODY, s, ROUNDNESS);
  const forward = profileValue(BODY, s, FORWARD);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  let r = a > 1e-6 && b > 1e-6 ? (Math.abs(cos / a) ** n + Math.abs(sin / b) ** n) ** (-1 / n) : 0;
  const front = wrapAngle(angle - FRONT);
  out.hollow = 0;
  out.hair = 0;
  if (r > 0) {
    const features = face(front, z, out);
    const px = r * cos;
    const py = r * sin;
    // Ridged noise reads as locks of hair rather than lumps.
    const lock = 1 - Math.abs(valueNoise3(px * 0.15, py * 0.15, z * 0.15, 51));
    const hairBumps = out.hair * (1.5 + 3 * lock * lock);
    const drapery =
      z > 50 && z < 170
        ? 3.5 * Math.sin(angle * 11 + z * 0.04 + 2 * fbm3(px * 0.01, py * 0.01, z * 0.01, 2, 52)) * bell(z, 100, 30)
        : 0;
    const grain = 0.6 * fbm3(px * 0.05, py * 0.05, z * 0.05, 3, 53) + 0.08 * (2 * hash3(id, 1, 0, 54) - 1);
    r = Math.max(0.5, r + features + hairBumps + drapery + grain);
  }
  out.x = r * cos;
  out.y = forward + r * sin;
  out.z = z;
}

/** Radial offset (mm) of the face's features at angle `front` from the face's axis. */
function face(front: number, z: number, out: BustPoint): number {
  if (z < 180) return 0;
  const nose = 16 * smoothstep(255, 224, z) * smoothstep(216, 222, z) * bell(front, 0, 0.1);
  const nostrils = 4 * (bell(front, -0.15, 0.06) + bell(front, 0.15, 0.06)) * bell(z, 223, 3);
  const groove = bell(front, 0, 0.18) * bell(z, 205, 1);
  const lips = 4 * bell(front, 0, 0.22) * bell(z, 206, 3.5) - 2.5 * groove;
  const chin = 8 * bell(front, 0, 0.28) * bell(z, 193, 6);
  const eyes = (bell(front, -0.36, 0.12) + bell(front, 0.36, 0.12)) * bell(z, 247, 5);
  const eyeballs = (bell(front, -0.36, 0.07) + bell(front, 0.36, 0.07)) * bell(z, 246.5, 3);
  const sockets = -7 * eyes + 4 * eyeballs;
  const brow = 5 * bell(front, 0, 0.55) * bell(z, 256, 3.5);
  const cheeks = 3 * (bell(front, -0.6, 0.2) + bell(front, 0.6, 0.2)) * bell(z, 235, 8);
  const ears = 12 * (bell(front, -Math.PI / 2, 0.1) + bell(front, Math.PI / 2, 0.1)) * bell(z, 238, 10);
  // Hair covers the crown and the back of the head down to the nape, not the face or ears.
  const back = smoothstep(0.9, 1.5, Math.abs(front));
  const ear = bell(Math.abs(front) - Math.PI / 2, 0, 0.14) * bell(z, 238, 14);
  out.hair = Math.max(smoothstep(266, 278, z), back * smoothstep(196, 214, z)) * (1 - 0.9 * ear);
  out.hollow = Math.max(0, -sockets) + groove;
  return nose + nostrils + lips + chin + sockets + brow + cheeks + ears;
}

/** Unnormalised Gaussian bump of width `sigma` at `centre`. */
function bell(x: number, centre: number, sigma: number): number {
  const d = (x - centre) / sigma;
  return Math.exp(-0.5 * d * d);
}

function wrapAngle(angle: number): number {
  return angle - 2 * Math.PI * Math.round(angle / (2 * Math.PI));
}
