// Fidelity of the large benchmark's outputs, with fidelity.ts's measures (Hausdorff by
// surface sampling, SSIM of renders) made to fit sources of many millions of triangles:
// - Hausdorff against the whole source, streamed a chunk at a time (streamed-deviation.ts);
// - SSIM against renders of the source's render stand-in (large-scans.ts, largeRenderSource);
// - every output moved into ingest's space first (scan-frame.ts), and rendered from a copy
//   whose textures are at most 2048²: a 512² render never reaches finer mip levels, and
//   Chromium's software renderer need not hold eight 8192² textures of a gltfpack output.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '@gltf-transform/core';
import { getIO } from '@vitrine/pipeline';
import sharp from 'sharp';
import { documentTriangles } from '../metrics/document-soup.js';
import { decodePng, renderSimilarity, type RgbaImage } from '../metrics/image-similarity.js';
import { boundsDiagonal, triangleCount, type Bounds, type TriangleSoup } from '../metrics/triangle-soup.js';
import type { BenchRenderer } from '../render/bench-renderer.js';
import type { ViewDirection } from '../render/views.js';
import type { Fidelity } from './fidelity.js';
import type { LargeToolRun } from './large-tools.js';
import { transformBounds, type Matrix4 } from './scan-frame.js';
import type { SourceSurface } from './source-surface.js';
import { streamedDeviation } from './streamed-deviation.js';

/** Largest texture side in a render copy. */
const RENDER_TEXTURE_SIZE = 2048;
const DECODED_ONLY = new Set(['EXT_meshopt_compression', 'KHR_draco_mesh_compression']);

export interface LargeFidelitySettings {
  readonly samples: number;
  readonly views: readonly ViewDirection[];
  readonly size: number;
}

/** A GLB ready to render and measure: in ingest's space, textures capped. */
interface RenderCopy {
  readonly glb: Uint8Array;
  readonly soup: TriangleSoup;
}

/**
 * Scores each run's output against the source. `frame` carries the source's own space into
 * ingest's; `reference` is the GLB (already in ingest's space) the SSIM reference is rendered from.
 */
export async function largeFidelity(
  runs: readonly LargeToolRun[],
  source: SourceSurface,
  frame: Matrix4,
  reference: string,
  renderer: BenchRenderer,
  settings: LargeFidelitySettings,
  rendersFolder: string,
  log: (line: string) => void,
): Promise<Fidelity[]> {
  const bounds = transformBounds(frame, source.bounds);
  const diagonal = boundsDiagonal(bounds);
  await mkdir(rendersFolder, { recursive: true });
  const keep = (name: string, pngs: readonly Buffer[]) =>
    Promise.all(
      pngs.map((png, i) => writeFile(path.join(rendersFolder, `${name}-${settings.views[i]!.name}.png`), png)),
    );

  log('rendering the SSIM reference');
  const referenceCopy = await renderCopy(reference, undefined);
  const referenceRenders = await render(referenceCopy, renderer, bounds, settings);
  await keep('source', referenceRenders.pngs);

  const copies: RenderCopy[] = [];
  const ssims: Record<string, number>[] = [];
  for (const run of runs) {
    log(`rendering ${run.tool}`);
    const copy = await renderCopy(run.output, run.space === 'source' ? frame : undefined);
    const rendered = await render(copy, renderer, bounds, settings);
    await keep(run.tool, rendered.pngs);
    const byView: Record<string, number> = {};
    settings.views.forEach((view, i) => {
      byView[view.name] = renderSimilarity(referenceRenders.images[i]!, rendered.images[i]!);
    });
    ssims.push(byView);
    copies.push(copy);
  }

  log(`Hausdorff of ${runs.length} outputs against all ${source.triangles.toLocaleString('en')} source triangles`);
  const deviations = streamedDeviation(
    source,
    frame,
    copies.map((copy) => copy.soup),
    settings.samples,
    { log },
  );
  return deviations.map((deviation, k) => {
    const scores = Object.values(ssims[k]!);
    return {
      hausdorffPct: (deviation.max / diagonal) * 100,
      meanDeviationPct: (deviation.mean / diagonal) * 100,
      ssim: scores.reduce((sum, score) => sum + score, 0) / scores.length,
      ssimByView: ssims[k]!,
    };
  });
}

async function render(
  copy: RenderCopy,
  renderer: BenchRenderer,
  bounds: Bounds,
  settings: LargeFidelitySettings,
): Promise<{ pngs: Buffer[]; images: RgbaImage[] }> {
  const rendered = await renderer.render(copy.glb, bounds, settings.views, settings.size);
  if (rendered.triangles !== triangleCount(copy.soup)) {
    // The page and our reader disagree about the file: the scores would compare the wrong thing.
    throw new Error(`the render page drew ${rendered.triangles} triangles of ${triangleCount(copy.soup)}`);
  }
  return { pngs: rendered.pngs, images: await Promise.all(rendered.pngs.map(decodePng)) };
}

/** Reads `file`, moves it by `frame` (when given), caps its textures, and writes it back as plain GLB bytes. */
async function renderCopy(file: string, frame: Matrix4 | undefined): Promise<RenderCopy> {
  const io = await getIO();
  const document = await io.read(file);
  if (frame) moveScene(document, frame);
  await capTextures(document);
  for (const extension of document.getRoot().listExtensionsUsed()) {
    if (DECODED_ONLY.has(extension.extensionName)) extension.dispose();
  }
  return { glb: await io.writeBinary(document), soup: documentTriangles(document) };
}

/** Puts the default scene's nodes under one node carrying `frame`. */
function moveScene(document: Document, frame: Matrix4): void {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) return;
  const holder = document.createNode('IngestSpace').setMatrix(frame as Parameters<typeof holder.setMatrix>[0]);
  for (const child of scene.listChildren()) {
    scene.removeChild(child);
    holder.addChild(child);
  }
  scene.addChild(holder);
}

async function capTextures(document: Document): Promise<void> {
  for (const texture of document.getRoot().listTextures()) {
    const size = texture.getSize();
    const image = texture.getImage();
    const format = texture.getMimeType().replace('image/', '');
    if (!size || !image || Math.max(...size) <= RENDER_TEXTURE_SIZE) continue;
    if (format !== 'jpeg' && format !== 'png' && format !== 'webp') continue;
    const scale = RENDER_TEXTURE_SIZE / Math.max(...size);
    const resized = await sharp(image)
      .resize(Math.round(size[0] * scale), Math.round(size[1] * scale))
      .toFormat(format)
      .toBuffer();
    texture.setImage(new Uint8Array(resized.buffer, resized.byteOffset, resized.byteLength));
  }
}
