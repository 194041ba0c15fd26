import {
  DoubleSide,
  Group,
  Mesh,
  MeshBasicMaterial,
  Raycaster,
  SphereGeometry,
  TorusKnotGeometry,
  Vector3,
} from 'three';
import { describe, expect, it } from 'vitest';
import { RayOccluder } from './ray-occluder.js';

/** A seeded generator, so that a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('RayOccluder', () => {
  it('hides the far side of a sphere from a camera in front, not the near side', () => {
    const occluder = RayOccluder.fromObject(new Mesh(new SphereGeometry(1, 48, 24)));
    const camera = new Vector3(0, 0.3, 5);
    expect(occluder.blocks(camera, new Vector3(0, 0, 1.01))).toBe(false);
    expect(occluder.blocks(camera, new Vector3(0, 0, -1.01))).toBe(true);
    expect(occluder.blocks(camera, new Vector3(1.5, 0, -1))).toBe(false);
  });

  it('applies the meshes’ world transforms', () => {
    const group = new Group();
    const mesh = new Mesh(new SphereGeometry(1, 32, 16));
    mesh.position.set(10, 0, 0);
    group.add(mesh);
    const occluder = RayOccluder.fromObject(group);
    expect(occluder.blocks(new Vector3(10, 0, 5), new Vector3(10, 0, -1.01))).toBe(true);
    expect(occluder.blocks(new Vector3(0, 0, 5), new Vector3(0, 0, -1.01))).toBe(false);
  });

  it('agrees with three’s raycaster on random segments through a knotted surface', () => {
    const mesh = new Mesh(new TorusKnotGeometry(1, 0.3, 200, 24), new MeshBasicMaterial({ side: DoubleSide }));
    const occluder = RayOccluder.fromObject(mesh);
    const raycaster = new Raycaster();
    const next = random(7);
    const point = () => new Vector3(next() * 6 - 3, next() * 6 - 3, next() * 6 - 3);
    let blocked = 0;
    for (let i = 0; i < 400; i++) {
      const from = point();
      const to = point();
      const length = from.distanceTo(to);
      raycaster.set(from, to.clone().sub(from).normalize());
      raycaster.far = length;
      const expected = raycaster
        .intersectObject(mesh)
        .some((hit) => hit.distance > 1e-6 && hit.distance < length * 0.999);
      expect(occluder.blocks(from, to), `segment ${i}`).toBe(expected);
      if (expected) blocked++;
    }
    // Both answers occur, so the comparison means something.
    expect(blocked).toBeGreaterThan(50);
    expect(blocked).toBeLessThan(350);
  });

  it('builds for a scan-sized mesh and answers quickly', () => {
    const started = performance.now();
    const occluder = RayOccluder.fromObject(new Mesh(new SphereGeometry(1, 400, 200))); // ~160k triangles
    const built = performance.now();
    const camera = new Vector3(0, 0.5, 4);
    for (let i = 0; i < 1000; i++)
      occluder.blocks(camera, new Vector3(Math.sin(i), Math.cos(i), 0).multiplyScalar(1.01));
    const queried = performance.now();
    expect(built - started, 'build ms').toBeLessThan(3000);
    expect(queried - built, '1000 queries ms').toBeLessThan(500);
  });
});
