import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { startFlight, viewAt, zoomedView } from './camera-flight.js';

describe('camera flights', () => {
  const from = { position: new Vector3(0, 0, 2), target: new Vector3(0, 0, 0) };
  const to = { position: new Vector3(2, 0, 0), target: new Vector3(1, 1, 1) };

  it('starts where it was and arrives exactly where it was sent', () => {
    const flight = startFlight(from, to, 1000);
    const out = { position: new Vector3(), target: new Vector3() };
    expect(viewAt(flight, 1000, out)).toBe(false);
    expect(out.position.toArray()).toEqual([0, 0, 2]);
    expect(viewAt(flight, 1000 + flight.duration, out)).toBe(true);
    expect(out.position.toArray()).toEqual([2, 0, 0]);
    expect(out.target.toArray()).toEqual([1, 1, 1]);
  });

  it('jumps when it has no duration', () => {
    const flight = { ...startFlight(from, to, 0), duration: 0 };
    const out = { position: new Vector3(), target: new Vector3() };
    expect(viewAt(flight, 0, out)).toBe(true);
    expect(out.target.toArray()).toEqual([1, 1, 1]);
  });

  it('zooms towards a point, halving the distance within the limits', () => {
    const point = new Vector3(0, 0, 0);
    expect(zoomedView(new Vector3(0, 0, 4), point, 0.1, 10).position.toArray()).toEqual([0, 0, 2]);
    expect(zoomedView(new Vector3(0, 0, 0.1), point, 0.1, 10).position.toArray()).toEqual([0, 0, 0.1]);
    expect(zoomedView(new Vector3(0, 0, 4), point, 0.1, 10).target.toArray()).toEqual([0, 0, 0]);
  });
});
