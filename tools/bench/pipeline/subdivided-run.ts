// `npm run bench:pipeline -- --subdivided`: the "Real-size scans" check that on a
// 1.6M-triangle textured scan our whole ingest takes at most 2× one `gltf-transform optimize`
// run. One table on stdout (progress on stderr) and .cache/bench/pipeline-subdivided.{json,md}.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchCommand, noteMachine } from '../machine.js';
import type { BenchOptions } from './args.js';
import { BENCH_DIR, ROOT } from './sources.js';
import { subdividedMarkdown } from './subdivided-report.js';
import { judgeGoal, type SubdividedBenchResults } from './subdivided-results.js';
import { ensureSubdividedSource, SUBDIVIDED_DIR } from './subdivided-source.js';
import { runGltfTransform, runIngest, type SubdividedToolOutcome } from './subdivided-tools.js';

type Log = (line: string) => void;

export async function runSubdividedBench(options: BenchOptions, log: Log): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  const source = await ensureSubdividedSource(log);
  if ('skipped' in source) {
    process.stdout.write(`subdivided: skipped, ${source.skipped}\n`);
    return;
  }
  log(`${path.relative(ROOT, source.file)}: ${source.triangles.toLocaleString('en')} triangles`);
  const folder = path.join(SUBDIVIDED_DIR, 'runs');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });

  // One after another, each alone on the machine.
  const tools: SubdividedToolOutcome[] = [];
  log('our whole ingest, without the poster');
  tools.push(await runIngest(source.file, path.join(folder, 'collection'), false, options.runs));
  log('our whole ingest, with the poster');
  tools.push(await runIngest(source.file, path.join(folder, 'collection-with-poster'), true, options.runs));
  log('gltf-transform optimize');
  tools.push(
    await runGltfTransform(source.file, source.triangles, path.join(folder, 'gltf-transform.glb'), options.runs),
  );

  const results: SubdividedBenchResults = {
    generated: new Date().toISOString(),
    command: benchCommand('bench:pipeline'),
    machine: noteMachine(loadAtStart),
    settings: { runs: options.runs },
    source: { ...source, file: path.relative(ROOT, source.file) },
    tools,
    goal: judgeGoal(tools),
  };
  const markdown = subdividedMarkdown(results);
  process.stdout.write(`\n${markdown}`);
  const base = path.join(BENCH_DIR, 'pipeline-subdivided');
  await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${base}.md`, markdown);
  log(`results in ${path.relative(ROOT, base)}.{json,md}`);
  if (tools.some((tool) => tool.status === 'failed')) process.exitCode = 1;
}
