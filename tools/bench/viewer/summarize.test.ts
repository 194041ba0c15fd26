import { describe, expect, it } from 'vitest';
import { packageOf } from './chunk-composition.js';
import type { PageResult, RunRecord } from './results.js';
import { compare, mediansOf } from './summarize.js';

function run(pixelMs: number, jsGzip: number): RunRecord {
  const js = { files: 1, rawBytes: jsGzip * 3, gzipBytes: jsGzip };
  return {
    pixelMs,
    eventMs: pixelMs,
    bytesBeforePixels: 1000,
    requestsBeforePixels: 4,
    bytesTotal: 2000,
    jsBeforePixels: js,
    jsTotal: js,
    heapBytes: 1e7,
    viewer: { width: 968, height: 560 },
    profile: 'mobile',
  };
}

function page(runs: RunRecord[]): PageResult {
  return {
    page: 'ours',
    loads: '',
    url: 'http://127.0.0.1/',
    runs,
    median: mediansOf(runs),
    jsFiles: [],
    waterfall: [],
    offsiteRequests: [],
    pageErrors: [],
  };
}

describe('the comparison', () => {
  it('takes medians per measure and judges the goals on their ratios', () => {
    const ours = page([run(3000, 400), run(1000, 400), run(2000, 400)]);
    const peer = page([run(6000, 300), run(5000, 300), run(4000, 300)]);
    expect(ours.median.pixelMs).toBe(2000);
    const { ratios, goals } = compare(ours, peer);
    expect(ratios.pixelMs).toBeCloseTo(0.4);
    expect(ratios.jsGzipBeforePixels).toBeCloseTo(4 / 3);
    expect(goals).toEqual({ firstFrame: true, initialJs: false });
  });
});

describe('packageOf', () => {
  it('names dependencies, our packages and the app', () => {
    expect(packageOf('/repo/node_modules/three/build/three.module.js')).toBe('three');
    expect(packageOf('/repo/node_modules/@react-three/drei/core/OrbitControls.js')).toBe('@react-three/drei');
    expect(packageOf('/repo/node_modules/a/node_modules/@scope/b/index.js')).toBe('@scope/b');
    expect(packageOf('/repo/packages/viewer/src/ArtefactViewer.tsx')).toBe('packages/viewer');
    expect(packageOf('/repo/src/main.tsx')).toBe('src');
  });
});
