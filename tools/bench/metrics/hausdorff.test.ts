import { describe, expect, it } from 'vitest';
import { prepareSurface, surfaceDeviation } from './hausdorff.js';
import { pointTriangleDistanceSquared } from './closest-point.js';
import { uvSphere } from './test-shapes.js';
import { translateSoup } from './triangle-soup.js';

const SAMPLES = 5_000;

describe('pointTriangleDistanceSquared', () => {
  // The triangle (0,0,0) (1,0,0) (0,1,0) in the z = 0 plane.
  const triangle = [0, 0, 0, 1, 0, 0, 0, 1, 0] as const;
  const distance = (x: number, y: number, z: number) => Math.sqrt(pointTriangleDistanceSquared(x, y, z, ...triangle));

  it('measures to the face, an edge and a corner', () => {
    expect(distance(0.2, 0.2, 0.5)).toBeCloseTo(0.5, 6);
    expect(distance(0.5, -0.3, 0)).toBeCloseTo(0.3, 6);
    expect(distance(-1, -1, 0)).toBeCloseTo(Math.SQRT2, 6);
    expect(distance(1, 1, 0)).toBeCloseTo(Math.SQRT1_2, 6);
  });
});

describe('surfaceDeviation', () => {
  const sphere = uvSphere(1, 64, 32);

  it('is zero for a mesh against itself', () => {
    const surface = prepareSurface(sphere, SAMPLES);
    const deviation = surfaceDeviation(surface, surface);
    expect(deviation.max).toBeLessThan(1e-6);
    expect(deviation.mean).toBeLessThan(1e-7);
  });

  it('is the offset for a copy moved by d', () => {
    const d = 0.05;
    const moved = translateSoup(sphere, d, 0, 0);
    const deviation = surfaceDeviation(prepareSurface(sphere, SAMPLES), prepareSurface(moved, SAMPLES, 2));
    // The points facing the move are d away; sampling can fall a little short of the worst.
    expect(deviation.max).toBeGreaterThan(d * 0.97);
    expect(deviation.max).toBeLessThanOrEqual(d * 1.0001);
    expect(deviation.mean).toBeLessThan(d);
  });

  it('agrees with brute force on points off the surface', () => {
    const coarse = uvSphere(1, 12, 6);
    const surface = prepareSurface(coarse, 0);
    const positions = coarse.positions;
    for (const [x, y, z] of [
      [0.3, 0.1, -0.2],
      [2, 0, 0],
      [0, -1.5, 0.4],
      [0.7, 0.7, 0.1],
    ] as const) {
      let best = Infinity;
      for (let i = 0; i < positions.length; i += 9) {
        const corners = Array.from(positions.subarray(i, i + 9)) as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        best = Math.min(best, pointTriangleDistanceSquared(x, y, z, ...corners));
      }
      expect(surface.bvh.distanceTo(x, y, z)).toBeCloseTo(Math.sqrt(best), 6);
    }
  });
});
