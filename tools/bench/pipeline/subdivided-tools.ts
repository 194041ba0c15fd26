// The subdivided benchmark's contenders, each a process of its own measured from outside
// (measure-process.ts) on the same GLB: our whole `vitrine ingest` without and with the
// poster, and `gltf-transform optimize` at our mobile triangle count.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_PROFILES } from '@vitrine/core';
import { findChromium } from '@vitrine/cli/node';
import { runIngestTimes } from './ingest-runs.js';
import { median, runAtTriangleCount } from './run-tools.js';
import { gltfTransformCommand } from './tool-commands.js';

export type SubdividedToolName = 'ingest' | 'ingest-with-poster' | 'gltf-transform';

export interface SubdividedToolRun {
  readonly tool: SubdividedToolName;
  readonly status: 'ok';
  readonly commandLine: string;
  /** Median over the timed runs. */
  readonly wallMs: number;
  readonly wallRunsMs: readonly number[];
  readonly peakRssBytes: number | undefined;
  /** Everything the tool wrote: the whole collection for ingest, the one GLB for gltf-transform. */
  readonly outputBytes: number;
  /** The mobile-sized GLB among it, to see that both did the same simplification. */
  readonly mobile: { readonly bytes: number; readonly triangles: number };
  /** What else is worth a word: the ratio gltf-transform was given, a poster that was skipped. */
  readonly note?: string;
}

export interface SubdividedToolFailure {
  readonly tool: SubdividedToolName;
  readonly status: 'failed' | 'skipped';
  readonly reason: string;
  readonly commandLine?: string;
}

export type SubdividedToolOutcome = SubdividedToolRun | SubdividedToolFailure;

/** The artefact id in the scratch collections. */
const ARTEFACT_ID = 'bali-mask-subdivided';

/**
 * `vitrine ingest` as a curator runs it (packages/cli/bin/vitrine.js, TypeScript through tsx),
 * into a scratch collection emptied before every run so that each does the whole work
 * (runIngestTimes, shared with the large benchmark, which adds its unit and up-axis hints).
 */
export async function runIngest(
  input: string,
  collection: string,
  withPoster: boolean,
  runs: number,
): Promise<SubdividedToolOutcome> {
  const tool: SubdividedToolName = withPoster ? 'ingest-with-poster' : 'ingest';
  if (withPoster && !findChromium()) {
    return {
      tool,
      status: 'skipped',
      reason: 'no Chromium to render the poster (install chromium or set CHROMIUM_PATH)',
    };
  }
  const ingested = await runIngestTimes(input, {
    collection,
    id: ARTEFACT_ID,
    extraArgs: withPoster ? [] : ['--no-poster'],
    runs,
  });
  const { commandLine } = ingested;
  if (!ingested.ok) return { tool, status: 'failed', reason: ingested.reason, commandLine };
  const { wallsMs: walls, peaksBytes: peaks, stdout } = ingested;
  const artefact = ingestedArtefact(stdout);
  const mobile = artefact?.derivatives?.find((derivative) => derivative.profile === 'mobile');
  if (!artefact || !mobile) {
    return { tool, status: 'failed', reason: 'its --json report names no mobile derivative', commandLine };
  }
  const posterSkipped = artefact.warnings?.find((warning) => warning.includes('poster was skipped'));
  return {
    tool,
    status: 'ok',
    commandLine,
    wallMs: median(walls),
    wallRunsMs: walls,
    peakRssBytes: peaks.length > 0 ? median(peaks) : undefined,
    outputBytes: await folderBytes(collection),
    mobile: { bytes: mobile.bytes, triangles: mobile.triangles },
    ...(withPoster && !artefact.poster ? { note: posterSkipped ?? 'no poster was written' } : {}),
  };
}

interface IngestedArtefact {
  derivatives?: { profile: string; bytes: number; triangles: number }[];
  poster?: string;
  warnings?: string[];
}

function ingestedArtefact(stdout: string): IngestedArtefact | undefined {
  try {
    const [result] = JSON.parse(stdout) as { artefact?: IngestedArtefact }[];
    return result?.artefact;
  } catch {
    return undefined;
  }
}

/**
 * `gltf-transform optimize` with the mobile settings of the small benchmark (tool-commands.ts),
 * simplifying to our mobile profile's triangle budget: the ratio 150k / source triangles, once
 * corrected if its output misses by more than 1 % (runAtTriangleCount; only the run at the
 * final ratio is timed).
 */
export async function runGltfTransform(
  input: string,
  sourceTriangles: number,
  output: string,
  runs: number,
): Promise<SubdividedToolOutcome> {
  const target = DEFAULT_PROFILES.mobile!.maxTriangles;
  try {
    const run = await runAtTriangleCount(
      'gltf-transform',
      (ratio) => gltfTransformCommand(input, output, ratio),
      output,
      sourceTriangles,
      target,
      runs,
    );
    return {
      tool: 'gltf-transform',
      status: 'ok',
      commandLine: run.commandLine,
      wallMs: run.wallMs,
      wallRunsMs: run.wallRunsMs,
      peakRssBytes: run.peakRssBytes,
      outputBytes: run.output.bytes.byteLength,
      mobile: { bytes: run.output.bytes.byteLength, triangles: run.output.triangles },
      note: `ratio ${run.ratio!.toFixed(6)}${run.ratioAttempts! > 1 ? ' (corrected once)' : ''}; textures ${run.output.textures}`,
    };
  } catch (error) {
    return { tool: 'gltf-transform', status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
