// The subdivided benchmark's markdown: the source, one table, the goal.
import { machineLine } from '../machine.js';
import type { SubdividedBenchResults } from './subdivided-results.js';
import type { SubdividedToolName, SubdividedToolOutcome } from './subdivided-tools.js';
import { count, mebibytes, megabytes, seconds } from './report-format.js';

const LABELS: Readonly<Record<SubdividedToolName, string>> = {
  ingest: 'ours: whole `vitrine ingest --no-poster`',
  'ingest-with-poster': 'ours: whole `vitrine ingest` with the poster',
  'gltf-transform': '`gltf-transform optimize` (mobile settings)',
};

export function subdividedMarkdown(results: SubdividedBenchResults): string {
  const { source, goal } = results;
  const made = source.reused ? 'made by an earlier run' : 'made by this run';
  const lines = [
    `### Subdivided Bali mask: ${count(source.triangles)} triangles`,
    '',
    `Input: \`${source.file}\` (${made} in ${seconds(source.makeMs)}): the real Bali mask scan ` +
      `(${count(source.sourceTriangles)} triangles) subdivided ${source.recipe.levels}× by edge midpoints, ` +
      `${count(source.vertices)} vertices, scanner-like noise of ±${(source.recipe.noiseOfDiagonal * 100).toFixed(2)} % ` +
      `of the bounding-box diagonal on the new vertices; ${megabytes(source.bytes)} GLB, JPEG texture embedded. ` +
      'Both tools read this GLB.',
    '',
    '| tool | wall | peak RSS | output bytes | mobile-size GLB | note |',
    '|---|---:|---:|---:|---:|---|',
    ...results.tools.map(toolRow),
    '',
    `**Goal** (from the issue): ${goal.statement}: ` +
      (goal.ratio === undefined
        ? 'not judged, a run failed.'
        : `${goal.ratio.toFixed(2)}× — **${goal.met ? 'met' : 'not met'}**.`) +
      (goal.ratioWithPoster === undefined ? '' : ` With the poster: ${goal.ratioWithPoster.toFixed(2)}×.`),
    '',
    'Output bytes: everything the tool wrote (for ingest the whole collection: every profile, USDZ, poster when ' +
      'rendered). Wall time and peak RSS are of the whole process, children included (GNU time `%M`), start-up ' +
      'included; our ingest runs as a curator runs it (`packages/cli/bin/vitrine.js`, TypeScript through tsx) into a ' +
      `scratch collection emptied before each run. Median of ${results.settings.runs} ` +
      `run${results.settings.runs === 1 ? '' : 's'}.`,
    machineLine(results.machine),
  ];
  return `${lines.join('\n')}\n`;
}

function toolRow(outcome: SubdividedToolOutcome): string {
  const label = LABELS[outcome.tool];
  if (outcome.status !== 'ok') return `| ${label} | ${outcome.status}: ${oneLine(outcome.reason)} | | | | |`;
  return [
    '',
    label,
    seconds(outcome.wallMs),
    mebibytes(outcome.peakRssBytes),
    megabytes(outcome.outputBytes),
    `${count(outcome.mobile.triangles)} triangles, ${megabytes(outcome.mobile.bytes)}`,
    oneLine(outcome.note ?? ''),
    '',
  ]
    .join(' | ')
    .trim();
}

/** A reason inside a table cell: no line breaks, no pipes. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
