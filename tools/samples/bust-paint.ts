// Vertex colour of the bust, as a colour laser scanner records it: white marble with grey
// veins, dirt in the hollows, faded paint in the hair, and a socle of dark speckled stone.
import type { BustPoint } from './bust-shape.js';
import { fbm3, hash3, smoothstep } from './random.js';

/** Writes the colour at `point` as RGB in [0, 1] into out[0..2]. */
export function bustColour(point: BustPoint, id: number, out: Float64Array): void {
  const { x, y, z } = point;
  if (z < 42) {
    socle(x, y, z, id, out);
    return;
  }
  const cloud = fbm3(x * 0.01, y * 0.01, z * 0.01, 3, 61);
  const tone = 0.93 + 0.035 * cloud;
  out[0] = tone;
  out[1] = tone * 0.985;
  out[2] = tone * 0.95;
  // Veins follow a warped sheet through the block, as in Carrara marble.
  const warp = fbm3(x * 0.012, y * 0.012, z * 0.012, 4, 62);
  const vein = 1 - smoothstep(0, 0.3, Math.abs(Math.sin((x * 0.6 + y * 0.25 + z * 0.45) * 0.02 + 5 * warp)));
  const thread = 1 - smoothstep(0, 0.2, Math.abs(Math.sin((z * 0.7 - x * 0.3) * 0.03 + 7 * warp)));
  mix(out, 0.55, 0.58, 0.57, 0.5 * vein + 0.2 * thread);
  // Traces of the ancient paint survive in the hair, in patches.
  const paint = point.hair * smoothstep(0.05, 0.3, fbm3(x * 0.05, y * 0.05, z * 0.05, 3, 63));
  mix(out, 0.6, 0.36, 0.22, 0.55 * paint);
  const grime =
    Math.min(1, point.hollow / 6) * 0.6 + 0.15 * smoothstep(0.2, 0.6, fbm3(x * 0.03, y * 0.03, z * 0.03, 2, 64));
  mix(out, 0.42, 0.38, 0.32, grime);
}

function socle(x: number, y: number, z: number, id: number, out: Float64Array): void {
  const tone = 0.33 + 0.04 * fbm3(x * 0.02, y * 0.02, z * 0.02, 3, 65);
  const speck = 0.12 * hash3(id, 2, 0, 66);
  out[0] = tone + speck;
  out[1] = tone * 0.98 + speck;
  out[2] = tone * 0.96 + speck;
}

function mix(out: Float64Array, r: number, g: number, b: number, amount: number): void {
  const t = Math.min(1, Math.max(0, amount));
  out[0] = out[0]! + (r - out[0]!) * t;
  out[1] = out[1]! + (g - out[1]!) * t;
  out[2] = out[2]! + (b - out[2]!) * t;
}
