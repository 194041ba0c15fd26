import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, Primitive } from '@gltf-transform/core';
import sharp from 'sharp';
import { afterEach, expect } from 'vitest';
import { DEFAULT_CHUNK_BYTES } from './file-chunks.js';
import type { Reader, Warn } from './reader.js';

/** Helpers for the readers' tests: small scan folders on disk and a look into the Documents read. */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The real scans beside the project (see ../shared/scans/README.md); absent in a fresh clone. */
export const REAL_SCANS = path.resolve(repoRoot, '../shared/scans');

export function realScan(relative: string): { file: string; present: boolean } {
  const file = path.join(REAL_SCANS, relative);
  return { file, present: existsSync(file) };
}

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Writes the files into a fresh temporary folder, removed after the test; returns the folder. */
export async function scanFolder(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'vitrine-read-test-'));
  folders.push(folder);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

/** A tiny image (2×2, one colour), as a texture to refer to. */
export async function tinyImage(format: 'png' | 'jpeg' | 'tiff' = 'png', channels: 3 | 1 = 3): Promise<Uint8Array> {
  const image = sharp({ create: { width: 2, height: 2, channels: 3, background: { r: 200, g: 100, b: 50 } } });
  const shaped = channels === 1 ? image.toColourspace('b-w') : image;
  return new Uint8Array(await shaped.toFormat(format).toBuffer());
}

export function primitivesOf(document: Document): Primitive[] {
  return document
    .getRoot()
    .listMeshes()
    .flatMap((mesh) => mesh.listPrimitives());
}

export function onlyPrimitive(document: Document): Primitive {
  const primitives = primitivesOf(document);
  if (primitives.length !== 1) throw new Error(`expected one primitive, found ${primitives.length}`);
  return primitives[0]!;
}

export function triangleCount(primitive: Primitive): number {
  return (primitive.getIndices()?.getCount() ?? 0) / 3;
}

/** The attribute's values, as plain numbers, vertex by vertex. */
export function valuesOf(primitive: Primitive, semantic: string): number[][] {
  const accessor = primitive.getAttribute(semantic);
  if (!accessor) return [];
  return Array.from({ length: accessor.getCount() }, (_, index) => accessor.getElement(index, []));
}

/** Each triangle's corners as positions, for checks that do not depend on vertex order. */
export function trianglePositions(primitive: Primitive): number[][][] {
  const indices = primitive.getIndices()!.getArray()!;
  const positions = valuesOf(primitive, 'POSITION');
  const triangles: number[][][] = [];
  for (let corner = 0; corner < indices.length; corner += 3) {
    triangles.push([0, 1, 2].map((k) => positions[indices[corner + k]!]!));
  }
  return triangles;
}

/** Collects warnings as a reader would hand them to the caller. */
export function collectWarnings(): { warn: (message: string) => void; warnings: string[] } {
  const warnings: string[] = [];
  return { warn: (message) => warnings.push(message), warnings };
}

/** Chunk sizes that put chunk boundaries everywhere: in numbers, in UTF-8 characters, between "\r" and "\n". */
export const TINY_CHUNK_SIZES = [1, 2, 3, 7, 61];

/**
 * Reads the file as ingest does (8 MiB chunks), then again at each tiny chunk size, and
 * expects the same geometry and warnings, or the same error, every time. Returns the
 * first read, or throws its error.
 */
export async function readAtEveryChunkSize(
  reader: Reader,
  file: string,
  warn: Warn,
  chunkSizes: readonly number[] = TINY_CHUNK_SIZES,
): Promise<Document> {
  const byteLength = (await stat(file)).size;
  const attempt = async (chunkBytes: number) => {
    const { warn: collect, warnings } = collectWarnings();
    try {
      return { document: await reader({ file, byteLength, chunkBytes }, collect), warnings };
    } catch (error) {
      return { error, warnings };
    }
  };
  const whole = await attempt(DEFAULT_CHUNK_BYTES);
  for (const chunkBytes of chunkSizes) {
    const chunked = await attempt(chunkBytes);
    const context = `read in chunks of ${chunkBytes} bytes`;
    if (whole.document) expect(geometryOf(chunked.document), context).toEqual(geometryOf(whole.document));
    else expect(String(chunked.error), context).toBe(String(whole.error));
    expect(chunked.warnings, context).toEqual(whole.warnings);
  }
  whole.warnings.forEach(warn);
  if (!whole.document) throw whole.error;
  return whole.document;
}

/** Every primitive's attributes and indices as plain arrays, with its material's name. */
function geometryOf(document: Document | undefined): unknown {
  return (
    document &&
    primitivesOf(document).map((primitive) => ({
      material: primitive.getMaterial()?.getName(),
      indices: Array.from(primitive.getIndices()?.getArray() ?? []),
      attributes: Object.fromEntries(
        primitive
          .listSemantics()
          .map((semantic) => [semantic, Array.from(primitive.getAttribute(semantic)!.getArray()!)]),
      ),
    }))
  );
}
