/** Above this ratio of distance-from-origin to size, float32 positions lose visible detail. */
const RECENTRE_RATIO = 16;

/**
 * glTF positions are 32-bit floats, which keep ~7 significant digits: a scan exported in
 * georeferenced coordinates (hundreds of kilometres from the origin) would come out jagged.
 * When the points sit far from the origin for their size, they are moved to it in double
 * precision first. normalize() re-centres every scan anyway, so nothing else changes.
 */
export function toFloat32Positions(xyz: Float64Array): Float32Array {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < xyz.length; i++) {
    const value = xyz[i]!;
    if (!Number.isFinite(value)) continue;
    const axis = i % 3;
    if (value < min[axis]!) min[axis] = value;
    if (value > max[axis]!) max[axis] = value;
  }
  const centre = [0, 1, 2].map((axis) => (min[axis]! + max[axis]!) / 2);
  const size = Math.max(...[0, 1, 2].map((axis) => max[axis]! - min[axis]!));
  const farAway = centre.some((value) => Math.abs(value) > RECENTRE_RATIO * size);
  const offset = farAway && Number.isFinite(size) ? centre : [0, 0, 0];
  const result = new Float32Array(xyz.length);
  for (let i = 0; i < xyz.length; i++) result[i] = xyz[i]! - offset[i % 3]!;
  return result;
}
