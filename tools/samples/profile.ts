// A smooth curve through key points, re-parametrised by arc length. Lathe-like shapes (the
// amphora's wall, the bust's sections) are described by a few keys; sampling them at equal
// arc length gives evenly sized triangles along the curve, as a scanner's mesh has.

/** A curve with several channels per point (radius, height, ...), sampled at equal arc length. */
export interface Profile {
  readonly channels: number;
  readonly samples: number;
  /** `samples × channels` values; sample i sits at arc-length fraction i / (samples - 1). */
  readonly values: Float64Array;
  /** Arc length of the whole curve, measured on the two length channels. */
  readonly length: number;
}

/**
 * Builds a Catmull-Rom curve through `keys` (each key the same number of channels) and
 * resamples it by arc length measured on `lengthChannels` (e.g. radius and height).
 */
export function createProfile(
  keys: readonly (readonly number[])[],
  lengthChannels: readonly [number, number],
  samples = 4096,
): Profile {
  const channels = keys[0]?.length ?? 0;
  const dense = samples * 4;
  const denseValues = new Float64Array(dense * channels);
  for (let i = 0; i < dense; i++) {
    const u = (i / (dense - 1)) * (keys.length - 1);
    const k = Math.min(keys.length - 2, Math.floor(u));
    const t = u - k;
    for (let c = 0; c < channels; c++) {
      denseValues[i * channels + c] = catmullRom(
        key(keys, k - 1, c),
        key(keys, k, c),
        key(keys, k + 1, c),
        key(keys, k + 2, c),
        t,
      );
    }
  }
  const [a, b] = lengthChannels;
  const cumulative = new Float64Array(dense);
  for (let i = 1; i < dense; i++) {
    const da = denseValues[i * channels + a]! - denseValues[(i - 1) * channels + a]!;
    const db = denseValues[i * channels + b]! - denseValues[(i - 1) * channels + b]!;
    cumulative[i] = cumulative[i - 1]! + Math.hypot(da, db);
  }
  const length = cumulative[dense - 1]!;
  const values = new Float64Array(samples * channels);
  let j = 0;
  for (let i = 0; i < samples; i++) {
    const target = (i / (samples - 1)) * length;
    while (j < dense - 2 && cumulative[j + 1]! < target) j++;
    const span = cumulative[j + 1]! - cumulative[j]!;
    const t = span > 0 ? Math.min(1, Math.max(0, (target - cumulative[j]!) / span)) : 0;
    for (let c = 0; c < channels; c++) {
      const v0 = denseValues[j * channels + c]!;
      const v1 = denseValues[(j + 1) * channels + c]!;
      values[i * channels + c] = v0 + (v1 - v0) * t;
    }
  }
  return { channels, samples, values, length };
}

/** Channel `channel` at arc-length fraction `s` (clamped to [0, 1]). */
export function profileValue(profile: Profile, s: number, channel: number): number {
  const x = Math.min(1, Math.max(0, s)) * (profile.samples - 1);
  const i = Math.min(profile.samples - 2, Math.floor(x));
  const t = x - i;
  const v0 = profile.values[i * profile.channels + channel]!;
  const v1 = profile.values[(i + 1) * profile.channels + channel]!;
  return v0 + (v1 - v0) * t;
}

/** Largest value of a channel over the arc-length interval [s0, s1]. */
export function profileMax(profile: Profile, s0: number, s1: number, channel: number): number {
  const i0 = Math.floor(Math.max(0, s0) * (profile.samples - 1));
  const i1 = Math.ceil(Math.min(1, s1) * (profile.samples - 1));
  let max = -Infinity;
  for (let i = i0; i <= i1; i++) max = Math.max(max, profile.values[i * profile.channels + channel]!);
  return max;
}

function key(keys: readonly (readonly number[])[], index: number, channel: number): number {
  const clamped = Math.min(keys.length - 1, Math.max(0, index));
  return keys[clamped]![channel]!;
}

function catmullRom(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return 0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 + (3 * p1 - p0 - 3 * p2 + p3) * t3);
}
