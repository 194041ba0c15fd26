import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSurface, surfaceDeviation } from '../metrics/hausdorff.js';
import { uvSphere } from '../metrics/test-shapes.js';
import { translateSoup, type TriangleSoup } from '../metrics/triangle-soup.js';
import { ingestFrame, transformBounds, type Matrix4 } from './scan-frame.js';
import { sourceSurface, type SourceSurface } from './source-surface.js';
import { streamedDeviation } from './streamed-deviation.js';

const IDENTITY: Matrix4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
const SAMPLES = 5_000;
const sphere = uvSphere(1, 48, 24);

let folder: string;
let source: SourceSurface;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vitrine-streamed-'));
  await writeFile(path.join(folder, 'sphere.obj'), sphereObj(sphere));
  source = await sourceSurface(path.join(folder, 'sphere.obj'), path.join(folder, 'sphere.f32'), () => {});
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('sourceSurface', () => {
  it('reads every triangle of the OBJ, quads and negative indices included', () => {
    // The sphere's triangles, and one unit quad as two.
    expect(source.triangles).toBe(sphere.positions.length / 9 + 2);
    expect(source.area).toBeGreaterThan(4 * Math.PI * 0.98 + 1);
    expect(source.area).toBeLessThan(4 * Math.PI + 1);
    expect(source.bounds.min[1]).toBeCloseTo(-1, 5);
    expect(source.bounds.max[0]).toBeCloseTo(3, 5);
  });

  it('reuses its triangle file while the OBJ is unchanged', async () => {
    let read = false;
    await sourceSurface(path.join(folder, 'sphere.obj'), path.join(folder, 'sphere.f32'), () => (read = true));
    expect(read).toBe(false);
  });
});

describe('streamedDeviation', () => {
  it('measures across chunk borders what the whole-mesh measure does', () => {
    const d = 0.05;
    const moved = translateSoup(sphere, 0, d, 0);
    const [same, shifted] = streamedDeviation(source, IDENTITY, [withQuad(sphere), withQuad(moved)], SAMPLES, {
      chunkTriangles: 500,
    });
    expect(same!.max).toBeLessThan(1e-5);
    const whole = surfaceDeviation(
      prepareSurface(withQuad(sphere), SAMPLES, 1),
      prepareSurface(withQuad(moved), SAMPLES, 2),
    );
    expect(shifted!.max).toBeGreaterThan(d * 0.97);
    expect(shifted!.max).toBeLessThanOrEqual(d * 1.0001);
    expect(shifted!.mean).toBeCloseTo(whole.mean, 3);
  });

  it('carries the source into the outputs’ space first', () => {
    const frame = ingestFrame(source.bounds, 0.001);
    const moved = new Float32Array(withQuad(sphere).positions);
    for (let i = 0; i < moved.length; i += 3) {
      const [x, y, z] = [moved[i]!, moved[i + 1]!, moved[i + 2]!];
      moved.set([x * 0.001 + frame[12]!, z * 0.001 + frame[13]!, -y * 0.001 + frame[14]!], i);
    }
    const [deviation] = streamedDeviation(source, frame, [{ positions: moved }], SAMPLES, { chunkTriangles: 700 });
    expect(deviation!.max).toBeLessThan(1e-6);
  });
});

describe('ingestFrame', () => {
  it('puts a Z-up scan in metres, Y up, centred on X and Z, on the ground', () => {
    const bounds = { min: [10, -20, 5] as [number, number, number], max: [30, 40, 105] as [number, number, number] };
    const moved = transformBounds(ingestFrame(bounds, 0.001), bounds);
    expect(moved.min.map((value) => Number(value.toFixed(6)))).toEqual([-0.01, 0, -0.03]);
    expect(moved.max.map((value) => Number(value.toFixed(6)))).toEqual([0.01, 0.1, 0.03]);
  });
});

/** The sphere as an OBJ, one position a corner (half the faces by negative index), and a unit quad beside it. */
function sphereObj(soup: TriangleSoup): string {
  const lines: string[] = ['# test sphere'];
  const { positions } = soup;
  for (let t = 0; t < positions.length / 9; t++) {
    for (let k = 0; k < 3; k++) lines.push(`v ${[...positions.subarray(t * 9 + k * 3, t * 9 + k * 3 + 3)].join(' ')}`);
    lines.push(t % 2 ? 'f -3 -2 -1' : `f ${t * 3 + 1}/1 ${t * 3 + 2}/1 ${t * 3 + 3}/1`);
  }
  lines.push('v 2 0 0', 'v 3 0 0', 'v 3 1 0', 'v 2 1 0', 'f -4 -3 -2 -1');
  return `${lines.join('\n')}\n`;
}

function withQuad(soup: TriangleSoup): TriangleSoup {
  const quad = [2, 0, 0, 3, 0, 0, 3, 1, 0, 2, 0, 0, 3, 1, 0, 2, 1, 0];
  const positions = new Float32Array(soup.positions.length + quad.length);
  positions.set(soup.positions);
  positions.set(quad, soup.positions.length);
  return { positions };
}
