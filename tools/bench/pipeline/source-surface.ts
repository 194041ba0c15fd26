// A large OBJ's surface as the fidelity measures need it, without holding it: read once,
// line by line, into a file of triangles (nine floats each) that is then read back a chunk
// at a time. Memory is the OBJ's positions (12 bytes each; 180 MB for 30M triangles) while
// reading, and one chunk after. The file is kept beside the scan and reused while the OBJ
// is unchanged.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { Bounds } from '../metrics/triangle-soup.js';
import { triangleArea } from '../metrics/surface-sampling.js';

export interface SourceSurface {
  /** The triangles: x0 y0 z0 x1 y1 z1 x2 y2 z2 as little-endian float32, in the OBJ's own units and axes. */
  readonly file: string;
  readonly triangles: number;
  /** Total area, in the OBJ's units squared. */
  readonly area: number;
  /** Bounds of the positions the faces use (as the ingest's normalize measures them). */
  readonly bounds: Bounds;
}

interface CacheNote extends Omit<SourceSurface, 'file'> {
  readonly objBytes: number;
  readonly objModifiedMs: number;
}

/** Bytes read from the OBJ at a time. */
const READ_BYTES = 16 * 2 ** 20;
/** Triangles gathered before they are written out. */
const WRITE_TRIANGLES = 2 ** 16;

/** The OBJ's surface in `surfaceFile` (and a note beside it), made unless it is already there for this OBJ. */
export async function sourceSurface(
  obj: string,
  surfaceFile: string,
  log: (line: string) => void,
): Promise<SourceSurface> {
  const { size, mtimeMs } = await stat(obj);
  const noteFile = `${surfaceFile}.json`;
  const note = await readFile(noteFile, 'utf8').then(
    (text) => JSON.parse(text) as CacheNote,
    () => undefined,
  );
  if (note && note.objBytes === size && note.objModifiedMs === mtimeMs) {
    return { file: surfaceFile, triangles: note.triangles, area: note.area, bounds: note.bounds };
  }
  log(`reading ${(size / 1e6).toFixed(0)} MB of OBJ into a triangle file for the fidelity measures`);
  const temporary = `${surfaceFile}.${process.pid}.tmp`;
  const surface = objToTriangleFile(obj, temporary);
  await rename(temporary, surfaceFile);
  const fresh: CacheNote = { ...surface, objBytes: size, objModifiedMs: mtimeMs };
  await writeFile(noteFile, `${JSON.stringify(fresh, null, 2)}\n`);
  return { file: surfaceFile, ...surface };
}

/** Chunks of at most `triangles` triangles, in file order; each array is reused by the next chunk. */
export function* surfaceChunks(surface: SourceSurface, triangles: number): Generator<Float32Array> {
  const buffer = new Float32Array(triangles * 9);
  const bytes = new Uint8Array(buffer.buffer);
  const fd = openSync(surface.file, 'r');
  try {
    for (let first = 0; first < surface.triangles; first += triangles) {
      const count = Math.min(triangles, surface.triangles - first);
      let read = 0;
      while (read < count * 36) {
        const got = readSync(fd, bytes, read, count * 36 - read, first * 36 + read);
        if (got === 0) throw new Error(`${surface.file} ends early: remake it by deleting it`);
        read += got;
      }
      yield buffer.subarray(0, count * 9);
    }
  } finally {
    closeSync(fd);
  }
}

/** Parses `v` and `f` lines (polygons as fans, negative indices relative); everything else is skipped. */
function objToTriangleFile(obj: string, target: string): Omit<SourceSurface, 'file'> {
  let positions = new Float32Array(3 * 2 ** 20);
  let vertexCount = 0;
  const out = new Float32Array(WRITE_TRIANGLES * 9);
  let pending = 0;
  let triangles = 0;
  let area = 0;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  const input = openSync(obj, 'r');
  const output = openSync(target, 'w');
  const flush = () => {
    const bytes = new Uint8Array(out.buffer, 0, pending * 36);
    let written = 0;
    while (written < bytes.length) written += writeSync(output, bytes, written);
    pending = 0;
  };
  const corner = (text: string): number => {
    const index = Number.parseInt(text, 10);
    const vertex = index < 0 ? vertexCount + index : index - 1;
    if (!(vertex >= 0 && vertex < vertexCount)) throw new Error(`${obj}: face refers to missing position ${text}`);
    return vertex;
  };
  const copyCorner = (vertex: number, offset: number) => {
    for (let axis = 0; axis < 3; axis++) {
      const value = positions[vertex * 3 + axis]!;
      out[offset + axis] = value;
      if (value < min[axis]!) min[axis] = value;
      if (value > max[axis]!) max[axis] = value;
    }
  };
  const addTriangle = (a: number, b: number, c: number) => {
    const base = pending * 9;
    copyCorner(a, base);
    copyCorner(b, base + 3);
    copyCorner(c, base + 6);
    area += triangleArea(out, base);
    triangles++;
    if (++pending === WRITE_TRIANGLES) flush();
  };
  try {
    const chunk = Buffer.alloc(READ_BYTES);
    let carry = '';
    for (;;) {
      const got = readSync(input, chunk, 0, READ_BYTES, null);
      const text = carry + chunk.toString('latin1', 0, got);
      const lines = text.split('\n');
      carry = got === 0 ? '' : lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('v ')) {
          if (vertexCount * 3 + 3 > positions.length) positions = grown(positions);
          const fields = line.trim().split(/\s+/);
          positions[vertexCount * 3] = Number(fields[1]);
          positions[vertexCount * 3 + 1] = Number(fields[2]);
          positions[vertexCount * 3 + 2] = Number(fields[3]);
          vertexCount++;
        } else if (line.startsWith('f ')) {
          const corners = line.trim().split(/\s+/).slice(1).map(corner);
          for (let k = 1; k + 1 < corners.length; k++) addTriangle(corners[0]!, corners[k]!, corners[k + 1]!);
        }
      }
      if (got === 0) break;
    }
    flush();
  } finally {
    closeSync(input);
    closeSync(output);
  }
  return { triangles, area, bounds: { min, max } };
}

function grown(array: Float32Array): Float32Array<ArrayBuffer> {
  const bigger = new Float32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
