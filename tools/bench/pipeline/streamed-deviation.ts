// The Metro-method Hausdorff distance of ../metrics/hausdorff.ts, against a source too large
// to index whole: the source's triangles come a chunk at a time from its triangle file, and
// each chunk is sampled and indexed on its own. Both directions stay exact in the sense of
// hausdorff.ts (every distance is a true point-to-surface distance):
// - source → output: the source's samples are drawn chunk by chunk, as many in each as its
//   share of the area (the same stratification as one draw over the whole surface);
// - output → source: each output sample keeps the smallest distance to any chunk seen.
// Memory is one chunk and its BVH, whatever the source's size.
import type { SurfaceDeviation } from '../metrics/hausdorff.js';
import { prepareSurface, type PreparedSurface } from '../metrics/hausdorff.js';
import { sampleSurface } from '../metrics/surface-sampling.js';
import { TriangleBvh } from '../metrics/triangle-bvh.js';
import { soupBounds, type Bounds, type TriangleSoup } from '../metrics/triangle-soup.js';
import { transformPoints, type Matrix4 } from './scan-frame.js';
import { triangleArea } from '../metrics/surface-sampling.js';
import { surfaceChunks, type SourceSurface } from './source-surface.js';

/** Source triangles indexed at once: a chunk and its BVH take about 150 MB. */
const CHUNK_TRIANGLES = 1_000_000;

interface OneSided {
  max: number;
  sum: number;
  sumOfSquares: number;
  count: number;
}

export interface StreamOptions {
  readonly log?: (line: string) => void;
  /** Source triangles a chunk (default 1M); small in tests, to cross chunk borders. */
  readonly chunkTriangles?: number;
}

/**
 * Deviation of each output from the source, in the space `frame` carries the source into
 * (the outputs' space). `samples` points are drawn on the source and on each output.
 */
export function streamedDeviation(
  source: SourceSurface,
  frame: Matrix4,
  outputs: readonly TriangleSoup[],
  samples: number,
  { log = () => {}, chunkTriangles = CHUNK_TRIANGLES }: StreamOptions = {},
): SurfaceDeviation[] {
  // Seeds as in fidelity.ts: the outputs' points never coincide with the source's.
  const prepared = outputs.map((soup) => prepareSurface(soup, samples, 2));
  const forward = prepared.map((): OneSided => ({ max: 0, sum: 0, sumOfSquares: 0, count: 0 }));
  const nearest = prepared.map((output) => new Float64Array(output.samples.length / 3).fill(Infinity));
  const chunks = Math.ceil(source.triangles / chunkTriangles);
  let areaBefore = 0;
  let index = 0;
  for (const positions of surfaceChunks(source, chunkTriangles)) {
    const chunkArea = soupArea(positions);
    const first = Math.round((samples * areaBefore) / source.area);
    areaBefore += chunkArea;
    const last = index === chunks - 1 ? samples : Math.round((samples * areaBefore) / source.area);
    transformPoints(frame, positions);
    const soup = { positions };
    const sourceSamples = sampleSurface(soup, last - first, 1 + index);
    prepared.forEach((output, k) => measure(sourceSamples, output.bvh, forward[k]!));
    const bvh = new TriangleBvh(soup);
    const bounds = soupBounds(soup);
    prepared.forEach((output, k) => keepNearest(output, bvh, bounds, nearest[k]!));
    index++;
    if (chunks > 1) log(`Hausdorff: source chunk ${index}/${chunks} measured`);
  }
  return prepared.map((_, k) => combine(forward[k]!, nearest[k]!));
}

function measure(points: Float32Array, target: TriangleBvh, into: OneSided): void {
  for (let i = 0; i < points.length; i += 3) {
    const distance = target.distanceTo(points[i]!, points[i + 1]!, points[i + 2]!);
    if (distance > into.max) into.max = distance;
    into.sum += distance;
    into.sumOfSquares += distance * distance;
    into.count++;
  }
}

/** A chunk's box farther than a point's best distance so far cannot improve it: skip the search. */
function keepNearest(output: PreparedSurface, chunk: TriangleBvh, bounds: Bounds, nearest: Float64Array): void {
  const points = output.samples;
  for (let i = 0; i < nearest.length; i++) {
    const x = points[i * 3]!;
    const y = points[i * 3 + 1]!;
    const z = points[i * 3 + 2]!;
    if (boxDistance(bounds, x, y, z) >= nearest[i]!) continue;
    const distance = chunk.distanceTo(x, y, z);
    if (distance < nearest[i]!) nearest[i] = distance;
  }
}

function combine(forward: OneSided, nearest: Float64Array): SurfaceDeviation {
  let { max, sum, sumOfSquares, count } = forward;
  for (const distance of nearest) {
    if (distance > max) max = distance;
    sum += distance;
    sumOfSquares += distance * distance;
    count++;
  }
  return {
    max,
    mean: count === 0 ? 0 : sum / count,
    rms: count === 0 ? 0 : Math.sqrt(sumOfSquares / count),
  };
}

function boxDistance(bounds: Bounds, x: number, y: number, z: number): number {
  const dx = Math.max(bounds.min[0] - x, 0, x - bounds.max[0]);
  const dy = Math.max(bounds.min[1] - y, 0, y - bounds.max[1]);
  const dz = Math.max(bounds.min[2] - z, 0, z - bounds.max[2]);
  return Math.hypot(dx, dy, dz);
}

function soupArea(positions: Float32Array): number {
  let area = 0;
  for (let i = 0; i < positions.length; i += 9) area += triangleArea(positions, i);
  return area;
}
