import { megabytes } from './bench-source.js';
import type { ChunkComposition } from './chunk-composition.js';
import type { MedianKey, PageResult, SourceOutcome, ViewerBenchResults } from './results.js';
import { FIRST_FRAME_GOAL, INITIAL_JS_GOAL } from './summarize.js';
import { machineLine } from '../machine.js';

const ROWS: readonly { key: MedianKey; label: string; format: (value: number) => string; goal?: number }[] = [
  { key: 'pixelMs', label: 'first frame with the artefact', format: seconds, goal: FIRST_FRAME_GOAL },
  { key: 'eventMs', label: 'event (our data-state=ready / its `load`)', format: seconds },
  { key: 'bytesBeforePixels', label: 'bytes fetched before that frame', format: megabytes },
  { key: 'requestsBeforePixels', label: 'requests before that frame', format: (value) => value.toFixed(0) },
  { key: 'jsGzipBeforePixels', label: 'JS before that frame, gzip', format: megabytes, goal: INITIAL_JS_GOAL },
  { key: 'jsRawBeforePixels', label: 'JS before that frame, raw', format: megabytes },
  { key: 'heapBytes', label: 'JS heap after load (after GC)', format: mebibytes },
];

export function sourceMarkdown(outcome: SourceOutcome, runs: number): string {
  if (outcome.status !== 'ok') return `### ${outcome.name}\n\n${outcome.status}: ${outcome.reason}\n`;
  const { ours, modelViewer, ratios } = outcome;
  const lines = [
    `### ${outcome.name} — ${outcome.description}`,
    '',
    `Source: \`${outcome.file}\`. Ours: the artefact page of the demo app (\`${pathOf(ours.url)}\`), ` +
      `derivative \`${ours.runs[0]?.profile ?? '?'}\`, loading ${ours.loads}. ` +
      `model-viewer: the original file, loading ${modelViewer.loads}.`,
    '',
    `| median of ${runs} | ours | model-viewer | ours / model-viewer |`,
    '|---|---:|---:|---:|',
    ...ROWS.map((row) => {
      const ratio = ratios[row.key];
      const verdict =
        row.goal === undefined ? '' : ratio <= row.goal ? ` ✓ (goal ≤ ${row.goal})` : ` ✗ (goal ≤ ${row.goal})`;
      return `| ${row.label} | ${row.format(ours.median[row.key])} | ${row.format(modelViewer.median[row.key])} | ${ratio.toFixed(2)}${verdict} |`;
    }),
    `| viewer size (CSS px) | ${size(ours)} | ${size(modelViewer)} | |`,
    '',
    `Per run, first frame (s): ours ${perRun(ours)}; model-viewer ${perRun(modelViewer)}.`,
    `JS requested: ours ${jsList(ours)}; model-viewer ${jsList(modelViewer)}.`,
    `Last visit, when each request finished (s): ours ${waterfallLine(ours)}; ` +
      `model-viewer ${waterfallLine(modelViewer)}; first frame at ${seconds(ours.runs.at(-1)?.pixelMs ?? NaN)} ` +
      `and ${seconds(modelViewer.runs.at(-1)?.pixelMs ?? NaN)}.`,
    ...offsiteLines(ours),
    ...offsiteLines(modelViewer),
  ];
  return `${lines.join('\n')}\n`;
}

export function buildMarkdown(results: ViewerBenchResults): string {
  const entries = results.appChunks.filter((chunk) => chunk.isEntry);
  const lines = ["### Our app's JavaScript, by package", ''];
  for (const chunk of entries) lines.push(...chunkTable(chunk), '');
  const lazy = results.appChunks.filter((chunk) => !chunk.isEntry);
  lines.push(
    lazy.length === 0
      ? 'No lazily loaded chunks: everything above loads before the first frame.'
      : `Lazily loaded chunks: ${lazy.map((chunk) => `\`${chunk.file}\` ${megabytes(chunk.bytes)}`).join(', ')}.`,
    '',
    machineLine(results.machine),
    `Chromium headless (SwiftShader), viewport ${results.settings.viewport.width}×${results.settings.viewport.height}, ` +
      `flags ${results.settings.chromiumFlags.map((flag) => `\`${flag}\``).join(' ')}; ` +
      `model-viewer ${results.settings.modelViewerVersion}.`,
  );
  return `${lines.join('\n')}\n`;
}

function chunkTable(chunk: ChunkComposition): string[] {
  const total = chunk.packages.reduce((sum, entry) => sum + entry.renderedBytes, 0);
  const top = chunk.packages.slice(0, 12);
  return [
    `\`${chunk.file}\` (entry): ${megabytes(chunk.bytes)} minified. Share of its code by package ` +
      '(tree-shaken source, before minification):',
    '',
    '| package | share | source kB |',
    '|---|---:|---:|',
    ...top.map(
      (entry) =>
        `| ${entry.name} | ${((entry.renderedBytes / total) * 100).toFixed(1)} % | ${(entry.renderedBytes / 1e3).toFixed(0)} |`,
    ),
  ];
}

function offsiteLines(page: PageResult): string[] {
  if (page.offsiteRequests.length === 0) return [];
  return [`${page.page} tried to leave localhost (aborted): ${page.offsiteRequests.join(', ')}`];
}

function jsList(page: PageResult): string {
  return page.jsFiles
    .map((file) => `\`${file.path.split('/').pop()}\` ${megabytes(file.rawBytes)} (${megabytes(file.gzipBytes)} gzip)`)
    .join(', ');
}

function waterfallLine(page: PageResult): string {
  return page.waterfall
    .filter((request) => request.finishedMs !== undefined)
    .map((request) => `${request.path.split('/').pop()} ${((request.finishedMs ?? 0) / 1000).toFixed(2)}`)
    .join(', ');
}

function perRun(page: PageResult): string {
  return page.runs.map((run) => (run.pixelMs / 1000).toFixed(2)).join(', ');
}

function size(page: PageResult): string {
  const viewer = page.runs[0]?.viewer;
  return viewer ? `${viewer.width}×${viewer.height}` : '?';
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
