import { describe, expect, it } from 'vitest';
import { subdivideMidpoints, subdivideWithNoise, vertexCount, type IndexedMesh } from './subdivided-mesh.js';

/** A unit square as two triangles sharing the edge 0–2: 4 vertices, 5 edges. */
function square(): IndexedMesh {
  const tilt = Math.SQRT1_2;
  return {
    attributes: {
      POSITION: { values: new Float32Array([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]), itemSize: 3 },
      // Two normals tilted apart, so that a midpoint between them must be renormalized.
      NORMAL: { values: new Float32Array([0, 0, 1, tilt, 0, tilt, 0, 0, 1, 0, tilt, tilt]), itemSize: 3 },
      TEXCOORD_0: { values: new Float32Array([0, 0, 1, 0, 1, 1, 0, 1]), itemSize: 2 },
    },
    indices: new Uint32Array([0, 1, 2, 0, 2, 3]),
  };
}

const item = (mesh: IndexedMesh, semantic: string, vertex: number) => {
  const { values, itemSize } = mesh.attributes[semantic]!;
  return [...values.subarray(vertex * itemSize, (vertex + 1) * itemSize)];
};

/** The vertex that the level put between `a` and `b`: the one index both corner triangles of the edge hold. */
function midpointBetween(mesh: IndexedMesh, a: number, b: number): number {
  const position = (vertex: number) => item(mesh, 'POSITION', vertex);
  const [pa, pb] = [position(a), position(b)];
  const expected = pa.map((value, k) => (value + pb[k]!) / 2);
  const matches = [...Array(vertexCount(mesh)).keys()].filter((vertex) =>
    position(vertex).every((value, k) => Math.abs(value - expected[k]!) < 1e-7),
  );
  expect(matches).toHaveLength(1);
  return matches[0]!;
}

describe('subdivideMidpoints', () => {
  it('splits 2 triangles into 8 over 4 + 5 vertices, one midpoint a shared edge', () => {
    const once = subdivideMidpoints(square());
    expect(once.indices.length / 3).toBe(8);
    expect(vertexCount(once)).toBe(9);
    // Every index names a vertex, and none is left unused.
    expect(new Set(once.indices).size).toBe(9);
  });

  it('gives 32 triangles over 25 vertices after two levels (16 edges in the first level’s mesh)', () => {
    const twice = subdivideMidpoints(subdivideMidpoints(square()));
    expect(twice.indices.length / 3).toBe(32);
    expect(vertexCount(twice)).toBe(25);
  });

  it('keeps the old vertices first and interpolates every attribute at the midpoints', () => {
    const source = square();
    const once = subdivideMidpoints(source);
    for (const semantic of ['POSITION', 'NORMAL', 'TEXCOORD_0']) {
      expect(once.attributes[semantic]!.values.subarray(0, source.attributes[semantic]!.values.length)).toEqual(
        source.attributes[semantic]!.values,
      );
    }
    const diagonal = midpointBetween(once, 0, 2);
    expect(item(once, 'TEXCOORD_0', diagonal)).toEqual([0.5, 0.5]);
    const bottom = midpointBetween(once, 0, 1);
    expect(item(once, 'TEXCOORD_0', bottom)).toEqual([0.5, 0]);
    // Halfway between (0,0,1) and (√½,0,√½), made unit length again.
    const [x, y, z] = item(once, 'NORMAL', bottom);
    expect(Math.hypot(x!, y!, z!)).toBeCloseTo(1, 6);
    expect(x! / z!).toBeCloseTo(Math.SQRT1_2 / (1 + Math.SQRT1_2), 6);
    expect(y).toBe(0);
  });

  it('keeps the winding: every child faces the way its parent did', () => {
    const once = subdivideMidpoints(square());
    const position = (vertex: number) => item(once, 'POSITION', vertex);
    for (let t = 0; t < once.indices.length / 3; t++) {
      const [a, b, c] = [0, 1, 2].map((k) => position(once.indices[3 * t + k]!));
      const crossZ = (b![0]! - a![0]!) * (c![1]! - a![1]!) - (b![1]! - a![1]!) * (c![0]! - a![0]!);
      expect(crossZ).toBeGreaterThan(0);
    }
  });
});

describe('subdivideWithNoise', () => {
  const options = { levels: 2, noiseAmplitude: 0.01, seed: 7 };

  it('moves only the new vertices, along their normal, by at most the amplitude', () => {
    const source = square();
    const noisy = subdivideWithNoise(source, options);
    const plain = subdivideWithNoise(source, { ...options, noiseAmplitude: 0 });
    expect(noisy.indices).toEqual(plain.indices);
    for (let vertex = 0; vertex < vertexCount(noisy); vertex++) {
      const moved = item(noisy, 'POSITION', vertex).map((value, k) => value - item(plain, 'POSITION', vertex)[k]!);
      const distance = Math.hypot(...moved);
      if (vertex < 4) expect(distance).toBe(0);
      else expect(distance).toBeLessThanOrEqual(options.noiseAmplitude * 2 + 1e-6);
    }
    // A first-level vertex moved once; its offset is along its own normal (the square's copies are single).
    const offset = item(noisy, 'POSITION', 4).map((value, k) => value - item(plain, 'POSITION', 4)[k]!);
    const normal = item(noisy, 'NORMAL', 4);
    const along = offset.reduce((sum, value, k) => sum + value * normal[k]!, 0);
    expect(Math.hypot(...offset)).toBeGreaterThan(0);
    expect(Math.abs(along)).toBeCloseTo(Math.hypot(...offset), 6);
    expect(Math.abs(along)).toBeLessThanOrEqual(options.noiseAmplitude + 1e-7);
  });

  it('is deterministic for a seed, and another seed gives other noise', () => {
    const first = subdivideWithNoise(square(), options);
    const again = subdivideWithNoise(square(), options);
    const other = subdivideWithNoise(square(), { ...options, seed: 8 });
    expect(again.attributes.POSITION!.values).toEqual(first.attributes.POSITION!.values);
    expect(other.attributes.POSITION!.values).not.toEqual(first.attributes.POSITION!.values);
  });

  it('moves copies of one point at a seam together, so the seam does not open', () => {
    // The square with vertex 2 split in two copies (other UV, opposite normal) for the second triangle.
    const base = square();
    const seam: IndexedMesh = {
      attributes: {
        POSITION: { values: new Float32Array([...base.attributes.POSITION!.values, 1, 1, 0]), itemSize: 3 },
        NORMAL: { values: new Float32Array([...base.attributes.NORMAL!.values, 0, 0, -1]), itemSize: 3 },
        TEXCOORD_0: { values: new Float32Array([...base.attributes.TEXCOORD_0!.values, 0.5, 0.5]), itemSize: 2 },
      },
      indices: new Uint32Array([0, 1, 2, 0, 4, 3]),
    };
    const noisy = subdivideWithNoise(seam, { ...options, levels: 1 });
    const copies = [...Array(vertexCount(noisy)).keys()].filter((vertex) => {
      const uv = item(noisy, 'TEXCOORD_0', vertex);
      return vertex >= 5 && (uv.join() === '0.5,0.5' || uv.join() === '0.25,0.25');
    });
    // The midpoints of 0–2 and of 0–4: two vertices, one point.
    expect(copies).toHaveLength(2);
    expect(item(noisy, 'POSITION', copies[0]!)).toEqual(item(noisy, 'POSITION', copies[1]!));
  });
});
