import os from 'node:os';
import path from 'node:path';
import { ScanError } from '../errors.js';
import type { ScanSource } from '../read/file-chunks.js';
import { estimateTriangles } from './estimate-triangles.js';

/**
 * What an ingest costs in memory, per triangle of the source, at its peak. Fitted to
 * `npm run bench:pipeline -- --large` (GNU time's peak RSS of `vitrine ingest` on generated
 * photogrammetry exports, mm, Z up): 2.11 GB at 3M triangles with two 8192² atlases,
 * 4.33 GB at 12M with eight. The plan says 2.23 and 4.75 GB: a little over, never by the
 * size of a crash. To be refitted whenever the pipeline's memory changes.
 */
export const PEAK_BYTES_PER_TRIANGLE = 280;
/** Node's two threads (the CLI's and the ingest worker's), the wasm codecs and simplifier, sharp: before any scan is read. */
export const BASELINE_BYTES = 0.85e9;
/** One decoded 8192² RGBA texture and its resized copy: textures are decoded one at a time. */
export const TEXTURE_BYTES = 2 * 8192 * 8192 * 4;
/** Left to the system and other programs: a plan that takes all of memory still swaps. */
const SHARE_OF_MEMORY = 0.85;

export interface MemoryPlan {
  triangles: number;
  /** Estimated peak memory of the ingest, in bytes. */
  bytes: number;
  /** The memory this ingest may use, in bytes. */
  limit: number;
}

/** The memory an ingest may use here: most of the machine's, or of the container's limit. */
export function usableMemory(): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const total = constrained > 0 ? Math.min(os.totalmem(), constrained) : os.totalmem();
  return Math.floor(total * SHARE_OF_MEMORY);
}

/** Estimates the peak memory of ingesting the scan, from its header or a sample, before it is read. */
export function planMemory(source: ScanSource, format: string, limit = usableMemory()): MemoryPlan {
  const { triangles } = estimateTriangles(source, format);
  return { triangles, bytes: BASELINE_BYTES + TEXTURE_BYTES + PEAK_BYTES_PER_TRIANGLE * triangles, limit };
}

/**
 * Refuses, in one line and before any heavy work, a scan that cannot be ingested in the
 * memory there is: an out-of-memory crash half way is what the curator would get instead.
 */
export function refuseIfTooLargeForMemory(source: ScanSource, format: string, limit?: number): MemoryPlan {
  const plan = planMemory(source, format, limit);
  if (plan.bytes > plan.limit) {
    const fits = Math.floor((plan.limit - BASELINE_BYTES - TEXTURE_BYTES) / PEAK_BYTES_PER_TRIANGLE);
    const advice =
      fits > 100_000
        ? `decimate it to under ${millions(fits)} triangles in your scanning software, or ingest it on a machine with ${gigabytes(plan.bytes / SHARE_OF_MEMORY)} of memory`
        : `ingest it on a machine with ${gigabytes(plan.bytes / SHARE_OF_MEMORY)} of memory`;
    throw new ScanError(
      `${path.basename(source.file)} has about ${millions(plan.triangles)} triangles and needs about ${gigabytes(plan.bytes)} of memory to ingest, more than the ${gigabytes(plan.limit)} there is; ${advice}`,
      'too-large',
    );
  }
  return plan;
}

function millions(count: number): string {
  return count >= 1e6 ? `${(count / 1e6).toFixed(1)} million` : `${Math.round(count / 1000)} thousand`;
}

function gigabytes(bytes: number): string {
  return `${(Math.ceil(bytes / 1e8) / 10).toFixed(1)} GB`;
}
