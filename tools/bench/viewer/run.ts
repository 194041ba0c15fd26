// `npm run bench:viewer`: our artefact page against <model-viewer> loading the original
// scan, in one headless Chromium: time to the first frame with the artefact's pixels,
// bytes before it, JavaScript, JS heap. Prints one markdown table a source and writes
// .cache/bench/viewer-results.{json,md}.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveFolders } from '@vitrine/cli/node';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../browser/launch.js';
import { BENCH_DIR } from '../pipeline/sources.js';
import { parseViewerBenchArgs, USAGE, type ViewerBenchOptions } from './args.js';
import { benchSource } from './bench-source.js';
import { APP_DIR, buildApp } from './build-app.js';
import { BENCH_COLLECTION, prepareBenchCollection } from './prepare-collection.js';
import { MODEL_VIEWER_DIR, prepareModelViewerFolder, writeModelViewerPage } from './model-viewer-page.js';
import { buildMarkdown, sourceMarkdown } from './report-markdown.js';
import type { SourceOutcome, ViewerBenchResults } from './results.js';
import { ensureViewerSource, VIEWER_BENCH_DIR, VIEWER_SOURCES, type ViewerBenchSource } from './sources.js';
import { VIEWPORT } from './measure-run.js';
import { benchCommand, noteMachine } from '../machine.js';

/** The viewer's stage colour, #ebe7e0; model-viewer's page gets the same background. */
const STAGE = '#ebe7e0';
const STAGE_RGB: [number, number, number] = [0xeb, 0xe7, 0xe0];
/**
 * Every visit pays what a first-time visitor pays: no shader program kept from the previous
 * visit in the GPU process (which fresh contexts share), and a precise heap figure instead
 * of Chromium's rounded one.
 */
const BENCH_FLAGS = ['--disable-gpu-program-cache', '--disable-gpu-shader-disk-cache', '--enable-precise-memory-info'];

const started = performance.now();
/** Progress on stderr, with the time since start: stdout stays the markdown report alone. */
const log = (line: string) =>
  process.stderr.write(`· ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}\n`);

async function main(options: ViewerBenchOptions): Promise<void> {
  const loadAtStart = os.loadavg()[0]!;
  await rm(path.join(VIEWER_BENCH_DIR, 'frames'), { recursive: true, force: true });
  const { runnable, outcomes } = await chooseSources(options);
  log(`ingesting ${runnable.map((source) => source.name).join(', ')} with the pipeline`);
  await prepareBenchCollection(runnable, log);
  log('building the demo app and the model-viewer page');
  const appChunks = await buildApp('../collection/');
  const { version: modelViewerVersion } = await prepareModelViewerFolder();
  const mounts: Record<string, string> = { app: APP_DIR, collection: BENCH_COLLECTION, mv: MODEL_VIEWER_DIR };
  for (const source of runnable) mounts[`scan-${source.name}`] = path.dirname(source.file);

  const server = await serveFolders(mounts);
  const browser = await launchChromium({ args: BENCH_FLAGS });
  try {
    for (const source of runnable) {
      const ourUrl = `${server.origin}/app/index.html?artefact=${source.name}`;
      const page = await writeModelViewerPage(source.name, {
        modelUrl: `/scan-${source.name}/${encodeURIComponent(path.basename(source.file))}`,
        background: STAGE,
        alt: source.name,
        size: await ourViewerSize(browser, ourUrl),
      });
      const pages = {
        ours: {
          url: ourUrl,
          viewerSelector: '[data-vitrine-viewer]',
          stage: STAGE_RGB,
        },
        modelViewer: { url: `${server.origin}/mv/${page}`, viewerSelector: 'model-viewer', stage: STAGE_RGB },
      };
      let outcome: SourceOutcome;
      try {
        outcome = await benchSource(browser, source, pages, mounts, options.runs, log);
      } catch (error) {
        // One broken source should not cost the others' results.
        outcome = {
          name: source.name,
          status: 'failed',
          reason: error instanceof Error ? error.message : String(error),
        };
      }
      outcomes.push(outcome);
      process.stdout.write(`\n${sourceMarkdown(outcome, options.runs)}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const results: ViewerBenchResults = {
    generated: new Date().toISOString(),
    command: benchCommand('bench:viewer'),
    machine: noteMachine(loadAtStart),
    settings: { runs: options.runs, viewport: VIEWPORT, chromiumFlags: BENCH_FLAGS, modelViewerVersion },
    sources: outcomes,
    appChunks,
  };
  const footer = buildMarkdown(results);
  process.stdout.write(`\n${footer}`);
  const markdown = [...outcomes.map((outcome) => sourceMarkdown(outcome, options.runs)), footer].join('\n');
  await mkdir(BENCH_DIR, { recursive: true });
  await writeFile(path.join(BENCH_DIR, 'viewer-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(BENCH_DIR, 'viewer-results.md'), markdown);
  log(
    `done in ${((performance.now() - started) / 1000).toFixed(0)} s; results in .cache/bench/viewer-results.{json,md}`,
  );
  if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
}

/** Our viewer's box on the artefact page in the bench's viewport (the page's layout, not the artefact, decides it). */
async function ourViewerSize(browser: Browser, url: string): Promise<{ width: number; height: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(url);
    const box = await page.locator('[data-vitrine-viewer]').boundingBox({ timeout: 60_000 });
    if (!box) throw new Error(`no viewer on ${url}`);
    return { width: Math.round(box.width), height: Math.round(box.height) };
  } finally {
    await context.close();
  }
}

async function chooseSources(options: ViewerBenchOptions) {
  const runnable: ViewerBenchSource[] = [];
  const outcomes: SourceOutcome[] = [];
  for (const source of VIEWER_SOURCES) {
    if (options.only !== undefined && source.name !== options.only) continue;
    const absent = await ensureViewerSource(source);
    if (!absent) runnable.push(source);
    else {
      outcomes.push({ name: source.name, status: 'skipped', reason: absent });
      process.stdout.write(`\n${source.name}: skipped, ${absent}\n`);
    }
  }
  return { runnable, outcomes };
}

if (process.argv.includes('--help')) {
  console.log(USAGE);
} else {
  try {
    await main(parseViewerBenchArgs(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  }
}
