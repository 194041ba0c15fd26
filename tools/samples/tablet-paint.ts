// The tablet's colour: weathered limestone, dark soil in the cut signs, faded red and blue
// on the winged disc, lichen, rust-coloured streaks, and the pale stone of the broken corner.
import type { AtlasShader } from './bake.js';
import { TABLET_CHARTS } from './tablet-mesh.js';
import { HEIGHT, THICKNESS, WIDTH, carving, type ReliefSample } from './tablet-relief.js';
import { fbm3, hash3, smoothstep } from './random.js';

const TONE = 0;
const LICHEN = 1;
const STREAK = 2;
const FLAKE = 3;

export function tabletShader(): AtlasShader {
  const point = new Float64Array(3);
  const sample: ReliefSample = { height: 0, groove: 0, painted: 0, broken: 0 };
  return {
    fieldCount: 4,
    broad(chart, a, b, fields) {
      locate(chart, a, b, point);
      const x = point[0]!;
      const y = point[1]!;
      const z = point[2]!;
      fields[TONE] = fbm3(x * 0.3, y * 0.3, z * 0.3, 4, 91);
      fields[LICHEN] = fbm3(x * 0.6, y * 0.6, z * 0.6, 3, 92);
      // Streaks run down the stone: noise stretched along Y.
      fields[STREAK] = fbm3(x * 1.2, y * 0.08, z * 1.2, 3, 93);
      fields[FLAKE] = fbm3(x * 1.5, y * 1.5, z * 1.5, 2, 94);
    },
    shade(chart, a, b, fields, out) {
      locate(chart, a, b, point);
      const x = point[0]!;
      const y = point[1]!;
      const front = chart === 0;
      if (front) carving(x, y, sample);
      else {
        sample.groove = 0;
        sample.painted = 0;
        sample.broken = 0;
      }
      const grain = hash3(Math.floor(x * 60), Math.floor(y * 60), Math.floor(point[2]! * 60), 95);
      const light = 1 + 0.08 * fields[TONE]! + 0.06 * (grain - 0.5) - (front ? 0 : 0.06);
      out[0] = 0.76 * light;
      out[1] = 0.72 * light;
      out[2] = 0.63 * light;
      mix(out, 0.86, 0.84, 0.78, 0.7 * sample.broken);
      mix(out, 0.55, 0.38, 0.24, 0.35 * smoothstep(0.2, 0.6, fields[STREAK]!) * (1 - sample.broken));
      const flakes = smoothstep(0, 0.3, fields[FLAKE]! + 0.15 * grain);
      const red = sample.painted * flakes * smoothstep(1.6, 1.4, Math.hypot(x - 15, y - 17));
      mix(out, 0.6, 0.3, 0.22, 0.6 * red);
      mix(out, 0.4, 0.5, 0.55, 0.45 * sample.painted * flakes * (1 - red));
      mix(out, 0.2, 0.17, 0.13, Math.min(0.85, sample.groove * 5));
      mix(out, 0.55, 0.57, 0.46, 0.45 * smoothstep(0.45, 0.6, fields[LICHEN]! + 0.1 * grain) * (1 - sample.broken));
    },
  };
}

/** The surface point (cm) of chart point (a, b); charts are in TABLET_CHARTS order. */
function locate(chart: number, a: number, b: number, out: Float64Array): void {
  switch (TABLET_CHARTS[chart]) {
    case 'front':
      set(out, a * WIDTH, (1 - b) * HEIGHT, THICKNESS);
      break;
    case 'back':
      set(out, (1 - a) * WIDTH, (1 - b) * HEIGHT, 0);
      break;
    case 'bottom':
      set(out, a * WIDTH, 0, (1 - b) * THICKNESS);
      break;
    case 'top':
      set(out, a * WIDTH, HEIGHT, (1 - b) * THICKNESS);
      break;
    case 'left':
      set(out, 0, a * HEIGHT, (1 - b) * THICKNESS);
      break;
    default:
      set(out, WIDTH, a * HEIGHT, (1 - b) * THICKNESS);
  }
}

function set(out: Float64Array, x: number, y: number, z: number): void {
  out[0] = x;
  out[1] = y;
  out[2] = z;
}

function mix(out: Float64Array, r: number, g: number, b: number, amount: number): void {
  out[0] = out[0]! + (r - out[0]!) * amount;
  out[1] = out[1]! + (g - out[1]!) * amount;
  out[2] = out[2]! + (b - out[2]!) * amount;
}
