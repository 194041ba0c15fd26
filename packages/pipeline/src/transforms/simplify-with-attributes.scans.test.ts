import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '@gltf-transform/core';
import { cloneDocument, simplify, weld } from '@gltf-transform/functions';
import { MeshoptSimplifier } from 'meshoptimizer';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { countTriangles } from '../check/count.js';
import { readScan } from '../read/index.js';
import { snapshotPrimitive, surfaceError, textureError, trianglesAcrossIslands } from '../testing/simplify-fidelity.js';
import { simplifyWithAttributes } from './simplify-with-attributes.js';

// Real scans live beside the project (../shared/scans), never inside it; a fresh clone has none.
const scans = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/scans');
const mask = path.join(scans, 'bali-mask/mask-gltf-2.0_separated-valid.gltf');
const laurana = path.join(scans, '3dhop/laurana.ply');
const TARGET = 20_000;

async function both(file: string) {
  const { document } = await readScan(file);
  await document.transform(weld());
  const ours = cloneDocument(document);
  const theirs = cloneDocument(document);
  const oursMs = await timed(() => ours.transform(simplifyWithAttributes({ targetTriangles: TARGET })));
  const theirsMs = await timed(() =>
    theirs.transform(simplify({ simplifier: MeshoptSimplifier, ratio: TARGET / countTriangles(theirs), error: 1 })),
  );
  const snapshot = (doc: Document) => snapshotPrimitive(doc.getRoot().listMeshes()[0]!.listPrimitives()[0]!);
  return {
    source: document,
    before: snapshot(document),
    ours: snapshot(ours),
    theirs: snapshot(theirs),
    oursMs,
    theirsMs,
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

describe('simplifyWithAttributes on real scans', () => {
  it.skipIf(!existsSync(mask))('keeps the Bali mask’s atlas charts and its texture closer', async () => {
    const { source, before, ours, theirs, oursMs, theirsMs } = await both(mask);
    expect(ours.indices.length / 3).toBeLessThanOrEqual(TARGET);
    expect(trianglesAcrossIslands(before, ours)).toBe(0);
    const image = source.getRoot().listTextures()[0]!.getImage()!;
    const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const sample = (u: number, v: number) => {
      const x = Math.min(info.width - 1, Math.max(0, Math.floor(u * info.width)));
      const y = Math.min(info.height - 1, Math.max(0, Math.floor(v * info.height)));
      return [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    };
    const oursError = textureError(before, ours, sample);
    const theirsError = textureError(before, theirs, sample);
    console.info(
      `Bali mask 100k → 20k: ours ${oursMs.toFixed(0)} ms, texture error mean ${oursError.mean.toFixed(2)}` +
        ` p95 ${oursError.p95.toFixed(1)}; gltf-transform simplify ${theirsMs.toFixed(0)} ms,` +
        ` mean ${theirsError.mean.toFixed(2)} p95 ${theirsError.p95.toFixed(1)} (RGB distance 0–255)`,
    );
    expect(oursError.mean).toBeLessThan(theirsError.mean);
  });

  it.skipIf(!existsSync(laurana))('keeps Laurana’s vertex colours closer', async () => {
    const { before, ours, theirs, oursMs, theirsMs } = await both(laurana);
    expect(ours.indices.length / 3).toBeLessThanOrEqual(TARGET);
    const oursError = surfaceError(before, ours, 'COLOR_0').attribute;
    const theirsError = surfaceError(before, theirs, 'COLOR_0').attribute;
    const level = (value: number) => (value * 255).toFixed(1);
    console.info(
      `Laurana 50k → 20k: ours ${oursMs.toFixed(0)} ms, colour error mean ${level(oursError.mean)}` +
        ` p95 ${level(oursError.p95)}; gltf-transform simplify ${theirsMs.toFixed(0)} ms,` +
        ` mean ${level(theirsError.mean)} p95 ${level(theirsError.p95)} (of 255)`,
    );
    expect(oursError.mean).toBeLessThan(theirsError.mean * 0.75);
  });
});
