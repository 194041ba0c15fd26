import path from 'node:path';
import { inspectGlb, type InspectedGlb } from './inspect-output.js';
import { runMeasured } from './measure-process.js';
import { ROOT } from './sources.js';
import {
  gltfpackCommand,
  gltfTransformCommand,
  oursCommand,
  type ToolCommand,
  type ToolName,
} from './tool-commands.js';

/** A peer within 1 % of our triangle count counts as "the same count". */
export const TRIANGLE_TOLERANCE = 0.01;

export interface ToolRun<Tool extends string = ToolName> {
  readonly tool: Tool;
  /** The command line of the run measured, with paths relative to the repository. */
  readonly commandLine: string;
  readonly output: InspectedGlb;
  /** Median over the timed runs. */
  readonly wallMs: number;
  readonly wallRunsMs: readonly number[];
  /** Median over the timed runs, in bytes. */
  readonly peakRssBytes: number | undefined;
  /** The simplification ratio given to a peer (after correction, when one was needed). */
  readonly ratio?: number;
  /** Runs made to land on our triangle count (1 when the first ratio did). */
  readonly ratioAttempts?: number;
  /** Our own process's account of where its time went (read, derive), when it printed one. */
  readonly inside?: Readonly<Record<string, number>>;
}

export async function runOurs(input: string, output: string, runs: number): Promise<ToolRun> {
  const run = await timedRuns('ours', oursCommand(input, output), output, runs);
  const lastLine = run.stdout.trim().split('\n').pop() ?? '';
  const inside = JSON.parse(lastLine) as Record<string, number>;
  return { ...run.result, inside };
}

/**
 * Runs a peer at the ratio that should give our triangle count, then checks the count it
 * actually wrote: simplifiers treat the ratio as a target, not a promise (gltf-transform
 * applies it per primitive after welding). When the first try misses by more than the
 * tolerance, one corrected ratio is tried; a miss after that is reported, not hidden.
 */
export async function runPeer(
  tool: Exclude<ToolName, 'ours'>,
  input: string,
  output: string,
  sourceTriangles: number,
  targetTriangles: number,
  runs: number,
): Promise<ToolRun> {
  const commandFor = tool === 'gltfpack' ? gltfpackCommand : gltfTransformCommand;
  return runAtTriangleCount(
    tool,
    (ratio) => commandFor(input, output, ratio),
    output,
    sourceTriangles,
    targetTriangles,
    runs,
  );
}

/** runPeer's search for the ratio that lands on `targetTriangles`, for any simplifier's command line. */
export async function runAtTriangleCount<Tool extends string>(
  tool: Tool,
  commandFor: (ratio: number) => ToolCommand,
  output: string,
  sourceTriangles: number,
  targetTriangles: number,
  runs: number,
): Promise<ToolRun<Tool>> {
  let ratio = Math.min(1, targetTriangles / sourceTriangles);
  let attempts = 1;
  let first = await timedRuns(tool, commandFor(ratio), output, 1);
  const miss = first.result.output.triangles / targetTriangles - 1;
  if (Math.abs(miss) > TRIANGLE_TOLERANCE && ratio < 1) {
    ratio = Math.min(1, ratio * (targetTriangles / first.result.output.triangles));
    attempts++;
    first = await timedRuns(tool, commandFor(ratio), output, 1);
  }
  const all = runs > 1 ? await timedRuns(tool, commandFor(ratio), output, runs) : first;
  return { ...all.result, ratio, ratioAttempts: attempts };
}

async function timedRuns<Tool extends string>(
  tool: Tool,
  { command, args }: ToolCommand,
  output: string,
  runs: number,
): Promise<{ result: ToolRun<Tool>; stdout: string }> {
  const walls: number[] = [];
  const peaks: number[] = [];
  let stdout = '';
  for (let run = 0; run < runs; run++) {
    const measured = await runMeasured(command, args, ROOT);
    if (measured.exitCode !== 0) {
      const detail = (measured.stderr || measured.stdout).trim().split('\n').slice(-3).join(' | ');
      throw new Error(`${tool} failed (exit ${measured.exitCode}): ${detail}`);
    }
    walls.push(measured.wallMs);
    if (measured.peakRssBytes !== undefined) peaks.push(measured.peakRssBytes);
    stdout = measured.stdout;
  }
  return {
    stdout,
    result: {
      tool,
      commandLine: [command, ...args].map(readablePart).join(' '),
      output: await inspectGlb(output),
      wallMs: median(walls),
      wallRunsMs: walls,
      peakRssBytes: peaks.length > 0 ? median(peaks) : undefined,
    },
  };
}

/** Paths in the repository relative to it, and this Node as plain `node`: a command line to paste. */
export function readablePart(part: string): string {
  if (part === process.execPath) return 'node';
  return path.isAbsolute(part) && part.startsWith(ROOT + path.sep) ? path.relative(ROOT, part) : part;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
