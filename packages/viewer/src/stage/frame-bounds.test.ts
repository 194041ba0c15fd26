import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { frameDimensions } from './frame-bounds.js';

/** Largest |x| and |y| in normalized device coordinates of the box's corners, seen from the framing. */
function extentOnScreen(dimensions: { width: number; height: number; depth: number }, aspect: number) {
  const framing = frameDimensions(dimensions, 35, aspect);
  const camera = new PerspectiveCamera(35, aspect, 0.001, 100);
  camera.position.copy(framing.position);
  camera.lookAt(framing.target);
  camera.updateMatrixWorld();
  let x = 0;
  let y = 0;
  for (let i = 0; i < 8; i++) {
    const corner = new Vector3(
      i & 1 ? dimensions.width / 2 : -dimensions.width / 2,
      i & 2 ? dimensions.height : 0,
      i & 4 ? dimensions.depth / 2 : -dimensions.depth / 2,
    ).project(camera);
    x = Math.max(x, Math.abs(corner.x));
    y = Math.max(y, Math.abs(corner.y));
  }
  return { x, y };
}

describe('frameDimensions', () => {
  const tablet = { width: 0.301, height: 0.211, depth: 0.044 };
  const amphora = { width: 0.3, height: 0.454, depth: 0.294 };

  it.each([
    ['a landscape stage', tablet, 1.7],
    ['a portrait phone', tablet, 0.6],
    ['a tall artefact on a wide stage', amphora, 1.7],
    ['a tall artefact on a phone', amphora, 0.6],
  ])('keeps every corner in view on %s, filling it without waste', (_, dimensions, aspect) => {
    const { x, y } = extentOnScreen(dimensions, aspect);
    expect(x).toBeLessThanOrEqual(0.861);
    expect(y).toBeLessThanOrEqual(0.721);
    // One of the two limits is what holds the camera back.
    expect(Math.max(x / 0.86, y / 0.72)).toBeGreaterThan(0.98);
  });

  it('aims at the middle of the artefact standing on the floor', () => {
    const framing = frameDimensions(tablet, 35, 1.5);
    expect(framing.target.toArray()).toEqual([0, tablet.height / 2, 0]);
    expect(framing.position.y).toBeGreaterThan(framing.target.y);
  });
});
