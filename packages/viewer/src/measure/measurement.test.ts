import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { formatDistance, measuredMetres, withPoint } from './measurement.js';

describe('measurement', () => {
  it('takes two points, then starts again', () => {
    let points = withPoint([], new Vector3(0, 0, 0));
    expect(measuredMetres(points)).toBeUndefined();
    points = withPoint(points, new Vector3(0.3, 0.4, 0));
    expect(measuredMetres(points)).toBeCloseTo(0.5, 12);
    points = withPoint(points, new Vector3(1, 1, 1));
    expect(points).toHaveLength(1);
  });

  it('keeps its own copies of the points', () => {
    const point = new Vector3(1, 2, 3);
    const points = withPoint([], point);
    point.set(0, 0, 0);
    expect(points[0]!.toArray()).toEqual([1, 2, 3]);
  });

  it('formats in the visitor’s units and number format', () => {
    expect(formatDistance(0.2113, 'en')).toBe('21.1 cm');
    expect(formatDistance(0.2113, 'fr')).toBe('21,1 cm');
    expect(formatDistance(0.0042, 'pl')).toBe('4,2 mm');
  });
});
