// `npm run bench:pipeline`: our `mobile` derivative against gltf-transform optimize and
// gltfpack, on the same input, at the same triangle count. Prints one markdown table a
// source and a summary, and writes .cache/bench/pipeline-results.{json,md}. With --large
// (or --huge, --large-sizes) it runs the large-scan benchmark instead (large-run.ts), with
// --subdivided the 1.6M-triangle whole-ingest check (subdivided-run.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BenchRenderer } from '../render/bench-renderer.js';
import { parseBenchArgs, USAGE, type BenchOptions } from './args.js';
import { benchSource } from './bench-source.js';
import { compileOursCli } from './compile-ours.js';
import { runLargeBench } from './large-run.js';
import { sourceMarkdown, summaryMarkdown } from './report-markdown.js';
import type { BenchResults, SourceOutcome, SourceResult } from './results.js';
import { BENCH_DIR, ensureSource, type BenchSource } from './sources.js';
import { runSubdividedBench } from './subdivided-run.js';
import { summarize } from './verdict.js';
import { benchCommand, noteMachine } from '../machine.js';

const started = performance.now();
/** Progress on stderr, with the time since start: stdout stays the markdown report alone. */
const log = (line: string) =>
  process.stderr.write(`· ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}\n`);

async function main(options: BenchOptions): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  await mkdir(BENCH_DIR, { recursive: true });
  const { runnable, outcomes } = await chooseSources(options);
  let renderer: BenchRenderer | undefined;
  try {
    if (runnable.length > 0) {
      log('compiling our side to JavaScript, building the render page and starting Chromium');
      await compileOursCli();
      renderer = await BenchRenderer.start(BENCH_DIR);
    }
    for (const source of runnable) {
      let outcome: SourceOutcome;
      try {
        outcome = await benchSource(source, renderer!, { ...options, size: options.renderSize }, log);
      } catch (error) {
        // One broken source should not cost the others' results.
        outcome = {
          name: source.name,
          status: 'failed',
          reason: error instanceof Error ? error.message : String(error),
        };
      }
      outcomes.push(outcome);
      process.stdout.write(`\n${sourceMarkdown(outcome)}`);
    }
  } finally {
    await renderer?.close();
  }

  const ok = outcomes.filter((outcome): outcome is SourceResult => outcome.status === 'ok');
  const results: BenchResults = {
    generated: new Date().toISOString(),
    command: benchCommand('bench:pipeline'),
    machine: noteMachine(loadAtStart),
    settings: {
      quick: options.quick,
      only: options.only,
      runs: options.runs,
      samples: options.samples,
      views: options.views.map((view) => view.name),
      renderSize: options.renderSize,
    },
    sources: outcomes,
    summary: summarize(ok),
  };
  const summary = ok.length > 0 ? summaryMarkdown(results) : 'No source was benchmarked.\n';
  process.stdout.write(`\n${summary}`);
  const markdown = [...outcomes.map(sourceMarkdown), summary].join('\n');
  await writeFile(path.join(BENCH_DIR, 'pipeline-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(BENCH_DIR, 'pipeline-results.md'), markdown);
  log(
    `done in ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${path.relative(process.cwd(), BENCH_DIR)}/pipeline-results.{json,md}`,
  );
  if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
}

/**
 * The sources to run, and the skipped ones with their reasons (printed first). A quick run
 * takes the first of its candidates that is there.
 */
async function chooseSources(options: BenchOptions) {
  const runnable: BenchSource[] = [];
  const outcomes: SourceOutcome[] = [];
  for (const source of options.sources) {
    if (options.quick && !options.only && runnable.length > 0) break;
    const absent = await ensureSource(source);
    if (!absent) {
      runnable.push(source);
    } else if (!options.quick || options.only) {
      outcomes.push({ name: source.name, status: 'skipped', reason: absent });
      process.stdout.write(`\n${source.name}: skipped, ${absent}\n`);
    }
  }
  return { runnable, outcomes };
}

if (process.argv.includes('--help')) {
  console.log(USAGE);
} else {
  await runFromCommandLine();
}

async function runFromCommandLine(): Promise<void> {
  try {
    const options = parseBenchArgs(process.argv.slice(2));
    if (options.subdivided) await runSubdividedBench(options, log);
    else await (options.large ? runLargeBench(options, options.large, log) : main(options));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
