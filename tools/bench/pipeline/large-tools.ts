// The four contenders of the large benchmark, each a process of its own measured from
// outside (measure-process.ts), on the same OBJ where the tool reads OBJ:
// - ingest: our whole `vitrine ingest` (every profile, USDZ, poster) into a scratch collection;
// - ours-mobile: our `mobile` derivative alone (ours-cli.ts), from the plain GLB our reader made;
// - gltfpack-native: Debian's gltfpack on the OBJ, at our mobile triangle count;
// - gltfpack-npm: the npm (WebAssembly) gltfpack on the OBJ, likewise.
// A tool that fails is a row saying why, never the end of the benchmark.
import path from 'node:path';
import { runIngestTimes } from './ingest-runs.js';
import { inspectGlb } from './inspect-output.js';
import { LARGE_SCAN_HINTS, type LargeScanSource, type PreparedGlb } from './large-scans.js';
import type { NativeGltfpack } from './native-gltfpack.js';
import { median, runAtTriangleCount, runOurs, type ToolRun } from './run-tools.js';
import { gltfpackCommand, type ToolCommand } from './tool-commands.js';

export type LargeToolName = 'ingest' | 'ours-mobile' | 'gltfpack-native' | 'gltfpack-npm';

export const LARGE_TOOLS: readonly LargeToolName[] = ['ingest', 'ours-mobile', 'gltfpack-native', 'gltfpack-npm'];

/** A tool's mobile-sized output and how it was made. */
export interface LargeToolRun {
  readonly tool: LargeToolName;
  readonly commandLine: string;
  /** The GLB to score: the mobile derivative, or the peer's output. */
  readonly output: string;
  /** `ingest`: in ingest's space (metres, Y up, grounded); `source`: in the OBJ's own (mm, Z up). */
  readonly space: 'ingest' | 'source';
  readonly wallMs: number;
  readonly wallRunsMs: readonly number[];
  readonly peakRssBytes: number | undefined;
  readonly bytes: number;
  readonly triangles: number;
  readonly textures: string;
  readonly ratio?: number;
  readonly inside?: Readonly<Record<string, number>>;
}

export interface LargeToolFailure {
  readonly tool: LargeToolName;
  readonly status: 'failed' | 'skipped';
  readonly reason: string;
  readonly commandLine?: string;
  /** Of the failed run, when it got as far as running. */
  readonly wallMs?: number;
  readonly peakRssBytes?: number;
}

/**
 * `vitrine ingest` as a curator runs it (packages/cli/bin/vitrine.js, TypeScript through tsx),
 * into a scratch collection emptied before every run so that each does the whole work.
 */
export async function runWholeIngest(
  scan: LargeScanSource,
  collection: string,
  runs: number,
): Promise<LargeToolRun | LargeToolFailure> {
  const ingested = await runIngestTimes(scan.obj, { collection, id: scan.name, extraArgs: LARGE_SCAN_HINTS, runs });
  const { commandLine } = ingested;
  if (!ingested.ok) {
    const { reason, wallMs, peakRssBytes } = ingested;
    return { tool: 'ingest', status: 'failed', reason, commandLine, wallMs, ...(peakRssBytes ? { peakRssBytes } : {}) };
  }
  const { wallsMs: walls, peaksBytes: peaks, stdout } = ingested;
  const mobile = mobileDerivative(stdout);
  if (!mobile) {
    return { tool: 'ingest', status: 'failed', reason: 'its --json output names no mobile derivative', commandLine };
  }
  const output = path.join(collection, scan.name, mobile.url);
  const inspected = await inspectGlb(output);
  return {
    tool: 'ingest',
    commandLine,
    output,
    space: 'ingest',
    wallMs: median(walls),
    wallRunsMs: walls,
    peakRssBytes: peaks.length > 0 ? median(peaks) : undefined,
    bytes: inspected.bytes.byteLength,
    triangles: inspected.triangles,
    textures: inspected.textures,
  };
}

/** The mobile derivative in `vitrine ingest --json`'s report, if it names one. */
function mobileDerivative(stdout: string): { url: string } | undefined {
  try {
    const [result] = JSON.parse(stdout) as { artefact?: { derivatives?: { profile: string; url: string }[] } }[];
    return result?.artefact?.derivatives?.find((derivative) => derivative.profile === 'mobile');
  } catch {
    return undefined;
  }
}

/** Our `mobile` step alone, on the plain GLB our reader made (its time is not in this row). */
export async function runOursMobile(
  input: PreparedGlb,
  output: string,
  runs: number,
): Promise<LargeToolRun | LargeToolFailure> {
  if (!input.ok) {
    return {
      tool: 'ours-mobile',
      status: 'failed',
      reason: `our reader could not make its input GLB (${input.reason})`,
    };
  }
  return attempt('ours-mobile', async () => {
    const run = await runOurs(input.file, output, runs);
    return { ...fromToolRun('ours-mobile', run, output, 'ingest'), inside: run.inside ?? {} };
  });
}

/**
 * A gltfpack on the OBJ, aiming at `targetTriangles`: the native one when given, else the
 * npm build, with the command line the small benchmark gives the npm build (tool-commands.ts).
 */
export async function runGltfpack(
  tool: 'gltfpack-native' | 'gltfpack-npm',
  native: NativeGltfpack | undefined,
  scan: LargeScanSource,
  output: string,
  targetTriangles: number,
  runs: number,
): Promise<LargeToolRun | LargeToolFailure> {
  return attempt(tool, async () => {
    const commandFor = (ratio: number): ToolCommand => {
      const npm = gltfpackCommand(scan.obj, output, ratio);
      if (!native) return npm;
      const args = native.takesSimplifyError ? npm.args : withoutOption(npm.args, '-se');
      return { command: native.path, args };
    };
    const run = await runAtTriangleCount(tool, commandFor, output, scan.triangles, targetTriangles, runs);
    return { ...fromToolRun(tool, run, output, 'source'), ...(run.ratio !== undefined ? { ratio: run.ratio } : {}) };
  });
}

function fromToolRun(
  tool: LargeToolName,
  run: ToolRun<string>,
  output: string,
  space: LargeToolRun['space'],
): LargeToolRun {
  return {
    tool,
    commandLine: run.commandLine,
    output,
    space,
    wallMs: run.wallMs,
    wallRunsMs: run.wallRunsMs,
    peakRssBytes: run.peakRssBytes,
    bytes: run.output.bytes.byteLength,
    triangles: run.output.triangles,
    textures: run.output.textures,
  };
}

async function attempt(
  tool: LargeToolName,
  work: () => Promise<LargeToolRun>,
): Promise<LargeToolRun | LargeToolFailure> {
  try {
    return await work();
  } catch (error) {
    return { tool, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** `args` without `option` and its value. */
function withoutOption(args: readonly string[], option: string): string[] {
  const at = args.indexOf(option);
  return at < 0 ? [...args] : [...args.slice(0, at), ...args.slice(at + 2)];
}

export function isFailure(run: LargeToolRun | LargeToolFailure): run is LargeToolFailure {
  return 'status' in run;
}
