import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from '../pipeline/sources.js';
import { jsTotals, requestedJs, type JsFile } from './js-bytes.js';
import { measureRun, type PageUnderTest, type RunMeasures } from './measure-run.js';
import { finishedBy, sumBytes, type LoggedRequest } from './network-log.js';
import type { PageName, PageResult, RunRecord, SourceComparison } from './results.js';
import type { ScreencastFrame } from './screencast.js';
import { VIEWER_BENCH_DIR, type ViewerBenchSource } from './sources.js';
import { compare, mediansOf } from './summarize.js';

export interface SourcePages {
  readonly ours: PageUnderTest;
  readonly modelViewer: PageUnderTest;
}

interface PageRuns {
  readonly runs: RunRecord[];
  jsFiles: JsFile[];
  last: RunMeasures | undefined;
  readonly offsite: Set<string>;
  readonly errors: Set<string>;
}

/**
 * Visits both pages `runs` times each, alternating which goes first so that neither
 * always meets the machine right after the other's work; every visit in a fresh context.
 */
export async function benchSource(
  browser: Browser,
  source: ViewerBenchSource,
  pages: SourcePages,
  mounts: Readonly<Record<string, string>>,
  runs: number,
  log: (line: string) => void,
): Promise<SourceComparison> {
  const collected: Record<PageName, PageRuns> = { ours: emptyRuns(), 'model-viewer': emptyRuns() };
  for (let run = 0; run < runs; run++) {
    const order: PageName[] = run % 2 === 0 ? ['ours', 'model-viewer'] : ['model-viewer', 'ours'];
    for (const name of order) {
      const target = name === 'ours' ? pages.ours : pages.modelViewer;
      const measures = await measureRun(browser, target);
      const jsFiles = await requestedJs(measures.requests, mounts, measures.pixelEpochMs);
      const record = toRecord(measures, jsFiles);
      await keepFrames(source.name, name, run, measures);
      const into = collected[name];
      into.runs.push(record);
      into.jsFiles = jsFiles;
      into.last = measures;
      measures.offsiteRequests.forEach((url) => into.offsite.add(url));
      measures.pageErrors.forEach((error) => into.errors.add(error));
      log(
        `${source.name} ${name} run ${run + 1}/${runs}: pixels ${(record.pixelMs / 1000).toFixed(2)} s, ` +
          `event ${(record.eventMs / 1000).toFixed(2)} s`,
      );
    }
  }
  const ours = pageResult('ours', pages.ours.url, collected.ours);
  const modelViewer = pageResult('model-viewer', pages.modelViewer.url, collected['model-viewer']);
  return {
    name: source.name,
    status: 'ok',
    description: source.description,
    file: source.file.startsWith(ROOT + path.sep) ? path.relative(ROOT, source.file) : source.file,
    ours,
    modelViewer,
    ...compare(ours, modelViewer),
  };
}

/** The frames the first-frame time rests on, to look at when a time is surprising. */
async function keepFrames(source: string, page: PageName, run: number, measures: RunMeasures): Promise<void> {
  const folder = path.join(VIEWER_BENCH_DIR, 'frames');
  await mkdir(folder, { recursive: true });
  const ms = (frame: ScreencastFrame) => Math.round(frame.epochMs - (measures.pixelEpochMs - measures.pixelMs));
  const { before, first, final } = measures.frames;
  const named = [
    ...(before ? [['before', before] as const] : []),
    ['first', first] as const,
    ['final', final] as const,
  ];
  for (const [label, frame] of named) {
    await writeFile(path.join(folder, `${source}-${page}-${run + 1}-${label}-${ms(frame)}ms.jpg`), frame.jpeg);
  }
}

function emptyRuns(): PageRuns {
  return { runs: [], jsFiles: [], last: undefined, offsite: new Set(), errors: new Set() };
}

function toRecord(measures: RunMeasures, jsFiles: readonly JsFile[]): RunRecord {
  const before = finishedBy(measures.requests, measures.pixelEpochMs);
  return {
    pixelMs: measures.pixelMs,
    eventMs: measures.eventMs,
    bytesBeforePixels: measures.bytesBeforePixels,
    requestsBeforePixels: before.length,
    bytesTotal: sumBytes(measures.requests),
    jsBeforePixels: jsTotals(jsFiles.filter((file) => file.beforePixels)),
    jsTotal: jsTotals(jsFiles),
    heapBytes: measures.heapBytes,
    viewer: measures.viewer,
    profile: measures.profile,
  };
}

function pageResult(page: PageName, url: string, runs: PageRuns): PageResult {
  return {
    page,
    loads: modelFiles(runs.last?.requests ?? []),
    url,
    runs: runs.runs,
    median: mediansOf(runs.runs),
    jsFiles: runs.jsFiles,
    waterfall: runs.last ? waterfall(runs.last) : [],
    offsiteRequests: [...runs.offsite],
    pageErrors: [...runs.errors],
  };
}

/** The last visit's requests in the order they finished, timed from navigation start. */
function waterfall(measures: RunMeasures): PageResult['waterfall'] {
  const timeOrigin = measures.pixelEpochMs - measures.pixelMs;
  return [...measures.requests]
    .sort((a, b) => (a.finishedEpochMs ?? Infinity) - (b.finishedEpochMs ?? Infinity))
    .map((request) => ({
      path: new URL(request.url).pathname,
      bytes: request.bytes,
      finishedMs: request.finishedEpochMs === undefined ? undefined : Math.round(request.finishedEpochMs - timeOrigin),
    }));
}

/** The model files a visit fetched, e.g. "thumb.glb 189 kB + mobile.glb 1.16 MB". */
function modelFiles(requests: readonly LoggedRequest[]): string {
  const models = requests.filter((request) =>
    /\.(glb|gltf|bin|jpe?g|png|webp|ktx2)$/.test(new URL(request.url).pathname),
  );
  return models
    .map((request) => `${path.basename(new URL(request.url).pathname)} ${megabytes(request.bytes)}`)
    .join(' + ');
}

export function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}
