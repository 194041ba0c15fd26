import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchRenderer } from '../render/bench-renderer.js';
import { SourceReference, type FidelitySettings } from './fidelity.js';
import { inspectGlb } from './inspect-output.js';
import { prepareInput } from './prepare-input.js';
import type { SourceResult, ToolResult } from './results.js';
import { runOurs, runPeer, type ToolRun } from './run-tools.js';
import { BENCH_DIR, ROOT, type BenchSource } from './sources.js';
import { verdictFor } from './verdict.js';

export interface SourceSettings extends FidelitySettings {
  /** Timed runs per tool; the median is reported. */
  readonly runs: number;
}

/**
 * One source, end to end: converted once to the shared plain GLB, given to the three tools
 * one after another (nothing else running, so each has both cores), then every output is
 * compared with the source. `log` reports progress, one line a step, on stderr.
 */
export async function benchSource(
  source: BenchSource,
  renderer: BenchRenderer,
  settings: SourceSettings,
  log: (line: string) => void,
): Promise<SourceResult> {
  const folder = path.join(BENCH_DIR, 'pipeline', source.name);
  await mkdir(folder, { recursive: true });
  log(`${source.name}: converting ${path.relative(ROOT, source.file)} to a plain GLB`);
  const input = await prepareInput(source.file, path.join(folder, 'input.glb'));

  log(`${source.name}: ours (deriveProfile mobile)`);
  const ours = await runOurs(input.file, path.join(folder, 'ours.glb'), settings.runs);
  const target = ours.output.triangles;
  const runs: ToolRun[] = [ours];
  for (const peer of ['gltf-transform', 'gltfpack'] as const) {
    log(`${source.name}: ${peer}, aiming at ${target.toLocaleString('en')} triangles`);
    runs.push(
      await runPeer(peer, input.file, path.join(folder, `${peer}.glb`), input.triangles, target, settings.runs),
    );
  }

  log(`${source.name}: rendering the source and measuring fidelity`);
  const inputGlb = await inspectGlb(input.file);
  const reference = await SourceReference.create(inputGlb.bytes, inputGlb.soup, renderer, settings);
  await keepRenders(folder, 'source', reference.pngs, settings);
  const tools: ToolResult[] = [];
  for (const run of runs) {
    log(`${source.name}: fidelity of ${run.tool}`);
    const { pngs, ...fidelity } = await reference.compare(run.output.bytes, run.output.soup, renderer);
    await keepRenders(folder, run.tool, pngs, settings);
    tools.push({
      tool: run.tool,
      commandLine: run.commandLine,
      bytes: run.output.bytes.byteLength,
      triangles: run.output.triangles,
      trianglesVsOursPct: (run.output.triangles / target - 1) * 100,
      wallMs: run.wallMs,
      wallRunsMs: run.wallRunsMs,
      peakRssBytes: run.peakRssBytes,
      textures: run.output.textures,
      ...(run.ratio !== undefined ? { ratio: run.ratio, ratioAttempts: run.ratioAttempts } : {}),
      ...(run.inside ? { inside: run.inside } : {}),
      fidelity,
    });
  }
  return {
    name: source.name,
    status: 'ok',
    description: source.description,
    file: path.relative(ROOT, source.file),
    input: { bytes: input.bytes, triangles: input.triangles, diagonal: reference.diagonal },
    tools,
    verdict: verdictFor(tools),
  };
}

/** The renders stay beside the outputs, to look at when a score is surprising. */
async function keepRenders(folder: string, tool: string, pngs: readonly Buffer[], settings: FidelitySettings) {
  await mkdir(path.join(folder, 'renders'), { recursive: true });
  await Promise.all(
    pngs.map((png, i) => writeFile(path.join(folder, 'renders', `${tool}-${settings.views[i]!.name}.png`), png)),
  );
}
