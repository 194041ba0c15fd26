import path from 'node:path';
import type { Document } from '@gltf-transform/core';
import { ScanError } from '../errors.js';
import { repairGeometry } from './geometry-repair.js';
import { Growable, float32s } from './growable.js';
import type { Warn } from './reader.js';
import { addPrimitive, createScanDocument, createScanMaterial } from './scan-document.js';
import { shareIdenticalPositions } from './shared-positions.js';
import { ChunkCursor } from './chunk-cursor.js';
import { fileChunks, readRange, type ScanSource } from './file-chunks.js';
import { textEncodingOf, type TextEncodingName } from './text-encoding.js';
import { readNumbers, textLineBatches } from './text-lines.js';

const HEADER_BYTES = 80;
const BINARY_START = HEADER_BYTES + 4;
const BYTES_PER_TRIANGLE = 50;
/** Enough of the start to tell binary from text. */
const SNIFF_BYTES = 512;

/**
 * Reads an STL, binary or ascii. STL has no units, colours or texture coordinates.
 *
 * Binary is told apart by its size (84 + 50 bytes a triangle), not by the word "solid",
 * which many binary writers also put at the start of their header. Facet normals are not
 * kept: they would split every corner (3 vertices a triangle), which stops welding and
 * simplification later, and are derivable from the winding; later steps compute smooth ones.
 * Hand-written rather than three's STLLoader for the same reason: it un-indexes and keeps
 * facet normals, and it guesses binary from the header words.
 */
export async function readStl(source: ScanSource, warn: Warn): Promise<Document> {
  const { file } = source;
  const corners = stlCorners(source, path.basename(file), warn);
  const { positions, indices } = shareIdenticalPositions(corners);
  const { document, mesh } = createScanDocument(file);
  const material = createScanMaterial(document, path.basename(file, path.extname(file)));
  addPrimitive(document, mesh, repairGeometry({ positions, indices }, file, warn), material);
  return document;
}

/** Nine numbers a triangle: its three corners. */
function stlCorners(source: ScanSource, name: string, warn: Warn): Float32Array {
  const size = source.byteLength;
  const head = readRange(source.file, 0, SNIFF_BYTES);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const declared = head.length >= BINARY_START ? view.getUint32(HEADER_BYTES, true) : 0;
  const binaryLength = BINARY_START + BYTES_PER_TRIANGLE * declared;
  if (head.length >= BINARY_START && binaryLength === size) return binaryCorners(source, declared);
  const encoding = textEncodingOf(head);
  if (encoding !== 'utf-8' || looksLikeText(head)) {
    const corners = startsWithSolid(head, encoding) ? asciiCorners(fileChunks(source), name) : undefined;
    if (!corners) throw new ScanError(`${name} is a text file but not an STL; export the scan as STL again`, 'corrupt');
    if (corners.length === 0) {
      throw new ScanError(`${name} is an STL without triangles; export the mesh again`, 'no-geometry');
    }
    return corners;
  }
  if (size < BINARY_START || binaryLength > size) {
    const held = Math.max(0, Math.floor((size - BINARY_START) / BYTES_PER_TRIANGLE));
    throw new ScanError(
      `${name} is cut short: it should hold ${declared} triangles but holds ${held}; copy or export it again`,
      'corrupt',
    );
  }
  warn(`${name} has ${size - binaryLength} bytes after its last triangle; they were ignored`);
  return binaryCorners(source, declared);
}

function binaryCorners(source: ScanSource, triangleCount: number): Float32Array {
  const corners = new Float32Array(9 * triangleCount);
  const cursor = new ChunkCursor(fileChunks(source, BINARY_START));
  for (let triangle = 0; triangle < triangleCount; triangle++) {
    // Each record: a facet normal (skipped), three corners, two attribute bytes.
    const record = cursor.take(BYTES_PER_TRIANGLE) + 12;
    for (let k = 0; k < 9; k++) corners[9 * triangle + k] = cursor.view.getFloat32(record + 4 * k, true);
  }
  return corners;
}

/** Reads `vertex x y z` lines by loops; a loop of more than three corners (non-standard) becomes a fan. */
function asciiCorners(chunks: Iterable<Uint8Array>, name: string): Float32Array {
  const corners = new Growable(float32s);
  const loop: number[] = [];
  const xyz = new Float64Array(3);
  for (const batch of textLineBatches(chunks, name)) {
    for (const fileLine of batch) {
      const line = fileLine.trim();
      if (line.startsWith('vertex')) {
        const count = readNumbers(line, 6, xyz);
        for (let axis = 0; axis < 3; axis++) loop.push(axis < count ? xyz[axis]! : NaN);
      } else if (line.startsWith('endloop')) {
        for (let corner = 2; 3 * corner < loop.length; corner++) {
          for (const fanCorner of [0, corner - 1, corner]) {
            for (let axis = 0; axis < 3; axis++) corners.push(loop[3 * fanCorner + axis]!);
          }
        }
        loop.length = 0;
      }
    }
  }
  return corners.toArray();
}

function startsWithSolid(head: Uint8Array, encoding: TextEncodingName): boolean {
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('latin1').decode(head.subarray(0, 64))
      : new TextDecoder(encoding).decode(head.subarray(0, 128));
  return /^\s*solid\b/i.test(text);
}

/** Binary STL's count and floats hold control bytes (0 above all); text, even UTF-8, holds none. */
function looksLikeText(head: Uint8Array): boolean {
  return head.subarray(0, 512).every((byte) => byte >= 32 || byte === 9 || byte === 10 || byte === 13);
}
