import { sampleSurface } from './surface-sampling.js';
import { TriangleBvh } from './triangle-bvh.js';
import type { TriangleSoup } from './triangle-soup.js';

/** One mesh prepared for comparison: its surface samples and its BVH, made once and reused. */
export interface PreparedSurface {
  readonly samples: Float32Array;
  readonly bvh: TriangleBvh;
}

export interface SurfaceDeviation {
  /** Symmetric Hausdorff distance: the largest distance from a sample of either mesh to the other. */
  readonly max: number;
  /** Mean of the sample-to-surface distances, both directions pooled. */
  readonly mean: number;
  /** Root mean square of the same distances: weighs the large errors more than `mean` does. */
  readonly rms: number;
}

export function prepareSurface(soup: TriangleSoup, samples: number, seed = 1): PreparedSurface {
  return { samples: sampleSurface(soup, samples, seed), bvh: new TriangleBvh(soup) };
}

/**
 * Symmetric Hausdorff distance by surface sampling (the Metro method): points drawn
 * uniformly by area on each mesh, each measured to the nearest point of the other mesh's
 * triangles. Sampling can only miss the worst point, so `max` is a slight underestimate
 * that tightens as samples grow; it is exact in the other sense (every distance is true).
 */
export function surfaceDeviation(a: PreparedSurface, b: PreparedSurface): SurfaceDeviation {
  const forward = oneSided(a.samples, b.bvh);
  const backward = oneSided(b.samples, a.bvh);
  const count = forward.count + backward.count;
  return {
    max: Math.max(forward.max, backward.max),
    mean: count === 0 ? 0 : (forward.sum + backward.sum) / count,
    rms: count === 0 ? 0 : Math.sqrt((forward.sumOfSquares + backward.sumOfSquares) / count),
  };
}

function oneSided(samples: Float32Array, target: TriangleBvh) {
  let max = 0;
  let sum = 0;
  let sumOfSquares = 0;
  const count = samples.length / 3;
  for (let i = 0; i < samples.length; i += 3) {
    const distance = target.distanceTo(samples[i]!, samples[i + 1]!, samples[i + 2]!);
    if (distance > max) max = distance;
    sum += distance;
    sumOfSquares += distance * distance;
  }
  return { max, sum, sumOfSquares, count };
}
