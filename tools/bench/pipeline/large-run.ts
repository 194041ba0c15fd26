// `npm run bench:pipeline -- --large`: real-size photogrammetry exports (generated) through
// our whole ingest, our `mobile` step alone, and gltfpack native and npm; one markdown table
// a size, the goals, and .cache/bench/pipeline-large.{json,md,svg}.
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PROFILES } from '@vitrine/core';
import { benchCommand, noteMachine } from '../machine.js';
import { BenchRenderer } from '../render/bench-renderer.js';
import type { BenchOptions, LargeBenchOptions } from './args.js';
import { compileOursCli } from './compile-ours.js';
import { largeFidelity } from './large-fidelity.js';
import { largePlotSvg } from './large-plot.js';
import { largeGoalsMarkdown, largeScanMarkdown } from './large-report.js';
import {
  judgeGoals,
  type LargeBenchResults,
  type LargeScanOutcome,
  type LargeScanResult,
  type LargeToolOutcome,
} from './large-results.js';
import {
  ensureLargeScan,
  LARGE_DIR,
  largeRenderSource,
  largeScanSource,
  preparedGlb,
  type LargeScanSource,
} from './large-scans.js';
import {
  isFailure,
  runGltfpack,
  runOursMobile,
  runWholeIngest,
  type LargeToolFailure,
  type LargeToolRun,
} from './large-tools.js';
import { describeNativeGltfpack, ensureNativeGltfpack, GltfpackNotFound } from './native-gltfpack.js';
import { ingestFrame } from './scan-frame.js';
import { sourceSurface } from './source-surface.js';
import { BENCH_DIR, ROOT } from './sources.js';

type Log = (line: string) => void;

export async function runLargeBench(options: BenchOptions, large: LargeBenchOptions, log: Log): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  await mkdir(LARGE_DIR, { recursive: true });
  const native = findNative(log);
  if ('missing' in native) process.stdout.write(`\ngltfpack native: skipped, ${native.missing}\n`);
  log('compiling our mobile step to JavaScript, building the render page and starting Chromium');
  await compileOursCli();
  const renderer = await BenchRenderer.start(BENCH_DIR);
  const scans: LargeScanOutcome[] = [];
  try {
    for (const triangles of large.sizes) {
      const scan = largeScanSource(triangles, large.atlasSize, large.atlases);
      let outcome: LargeScanOutcome;
      try {
        outcome = await benchLargeScan(scan, native, renderer, options, log);
      } catch (error) {
        // A size that cannot be benchmarked (no disk for the scan, say) should not cost the others.
        const reason = error instanceof Error ? error.message : String(error);
        outcome = { name: scan.name, triangles: scan.triangles, status: 'failed', reason };
      }
      scans.push(outcome);
      process.stdout.write(`\n${largeScanMarkdown(outcome)}`);
    }
  } finally {
    await renderer.close();
  }

  const results: LargeBenchResults = {
    generated: new Date().toISOString(),
    command: benchCommand('bench:pipeline'),
    machine: noteMachine(loadAtStart),
    settings: {
      sizes: large.sizes,
      atlasSize: large.atlasSize,
      atlases: large.atlases,
      runs: options.runs,
      samples: options.samples,
      views: options.views.map((view) => view.name),
      renderSize: options.renderSize,
    },
    nativeGltfpack: native,
    scans,
    goals: judgeGoals(scans),
  };
  const goals = largeGoalsMarkdown(results);
  process.stdout.write(`\n${goals}`);
  const base = path.join(BENCH_DIR, 'pipeline-large');
  await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${base}.md`, [...scans.map(largeScanMarkdown), goals].join('\n'));
  await writeFile(`${base}.svg`, largePlotSvg(results));
  log(`results in ${path.relative(ROOT, base)}.{json,md,svg}`);
  if (scans.some((scan) => scan.status !== 'ok')) process.exitCode = 1;
}

function findNative(log: Log): LargeBenchResults['nativeGltfpack'] {
  try {
    return describeNativeGltfpack(ensureNativeGltfpack(log));
  } catch (error) {
    if (!(error instanceof GltfpackNotFound)) throw error;
    return { missing: error.message };
  }
}

/** One size end to end: the tools one after another (each alone on the machine), then the scores. */
async function benchLargeScan(
  scan: LargeScanSource,
  native: LargeBenchResults['nativeGltfpack'],
  renderer: BenchRenderer,
  options: BenchOptions,
  log: Log,
): Promise<LargeScanResult> {
  const say = (line: string) => log(`${scan.name}: ${line}`);
  await ensureLargeScan(scan, log);
  const folder = path.join(LARGE_DIR, 'runs', scan.name);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });

  say('our whole ingest');
  const ingest = await runWholeIngest(scan, path.join(folder, 'collection'), options.runs);
  say('our reader makes the plain GLB for the mobile step (or reuses it)');
  const input = await preparedGlb(scan);
  say('our mobile step alone');
  const oursMobile = await runOursMobile(input, path.join(folder, 'ours-mobile.glb'), options.runs);
  const target = [oursMobile, ingest].find((run): run is LargeToolRun => !isFailure(run))?.triangles;
  const targetTriangles = target ?? DEFAULT_PROFILES.mobile!.maxTriangles;
  say(`gltfpack native and npm, aiming at ${targetTriangles.toLocaleString('en')} triangles`);
  const gltfpackNative: LargeToolRun | LargeToolFailure =
    'path' in native
      ? await runGltfpack(
          'gltfpack-native',
          native,
          scan,
          path.join(folder, 'gltfpack-native.glb'),
          targetTriangles,
          options.runs,
        )
      : { tool: 'gltfpack-native', status: 'skipped', reason: native.missing };
  const gltfpackNpm = await runGltfpack(
    'gltfpack-npm',
    undefined,
    scan,
    path.join(folder, 'gltfpack-npm.glb'),
    targetTriangles,
    options.runs,
  );

  const runs = [ingest, oursMobile, gltfpackNative, gltfpackNpm];
  const scored = runs.filter((run): run is LargeToolRun => !isFailure(run));
  const surface = await sourceSurface(scan.obj, path.join(LARGE_DIR, `${scan.name}.surface.f32`), say);
  const renderSource = largeRenderSource(scan);
  if (renderSource !== scan) await ensureLargeScan(renderSource, log);
  const reference = renderSource === scan ? input : await preparedGlb(renderSource);
  if (!reference.ok)
    throw new Error(`no SSIM reference: our reader failed on ${renderSource.name} (${reference.reason})`);
  const fidelities = await largeFidelity(
    scored,
    surface,
    ingestFrame(surface.bounds, 0.001),
    reference.file,
    renderer,
    { samples: options.samples, views: options.views, size: options.renderSize },
    path.join(folder, 'renders'),
    say,
  );

  const tools: LargeToolOutcome[] = runs.map((run) => {
    if (isFailure(run)) return run;
    const { output, ...rest } = run;
    return { ...rest, status: 'ok', output: path.relative(ROOT, output), fidelity: fidelities[scored.indexOf(run)]! };
  });
  return {
    name: scan.name,
    triangles: scan.triangles,
    status: 'ok',
    atlases: scan.atlases,
    atlasSize: scan.atlasSize,
    obj: path.relative(ROOT, scan.obj),
    objBytes: (await stat(scan.obj)).size,
    readerGlb: input.ok
      ? { ok: true, wallMs: input.wallMs, peakRssBytes: input.peakRssBytes, reused: input.reused }
      : input,
    renderReference:
      renderSource === scan
        ? 'the scan itself (through our reader)'
        : `the same generated bust at ${renderSource.triangles.toLocaleString('en')} triangles with ` +
          `${renderSource.atlasSize}² atlases (\`${path.relative(ROOT, renderSource.obj)}\`, through our reader): ` +
          'the full scan is more than Chromium’s software renderer should hold; Hausdorff is against the full scan',
    targetTriangles,
    tools,
  };
}
