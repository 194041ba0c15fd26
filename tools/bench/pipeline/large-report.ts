// The large benchmark's markdown: one table a scan size, then the goals.
import { machineLine } from '../machine.js';
import {
  isScored,
  millions,
  type LargeBenchResults,
  type LargeScanOutcome,
  type LargeToolOutcome,
} from './large-results.js';
import type { LargeToolName } from './large-tools.js';
import { count, mebibytes, megabytes, seconds } from './report-format.js';

export const LARGE_TOOL_LABELS: Readonly<Record<LargeToolName, string>> = {
  ingest: 'ours: whole `vitrine ingest`',
  'ours-mobile': 'ours: `mobile` derivative alone',
  'gltfpack-native': 'gltfpack native (-cc -si)',
  'gltfpack-npm': 'gltfpack npm/wasm (-cc -si)',
};

export function largeScanMarkdown(scan: LargeScanOutcome): string {
  if (scan.status !== 'ok') return `### ${scan.name}\n\nfailed: ${scan.reason}\n`;
  const views = Object.keys(scan.tools.find(isScored)?.fidelity.ssimByView ?? {}).length;
  const reader = scan.readerGlb.ok
    ? `${seconds(scan.readerGlb.wallMs)}, ${mebibytes(scan.readerGlb.peakRssBytes)} peak` +
      (scan.readerGlb.reused ? ', as measured by the earlier run that made it' : '')
    : `failed after ${seconds(scan.readerGlb.wallMs)}, ${mebibytes(scan.readerGlb.peakRssBytes)} peak: ${scan.readerGlb.reason}`;
  const lines = [
    `### ${scan.name}: ${count(scan.triangles)} triangles`,
    '',
    `Input: \`${scan.obj}\`, ${megabytes(scan.objBytes)} OBJ + MTL + ${scan.atlases} × ${scan.atlasSize}² JPEG atlases ` +
      `(one material each; millimetres, Z up: ingested with --units mm --up z). Ingest and both gltfpacks read the OBJ; ` +
      `our \`mobile\` step starts from the plain GLB our reader made of it (${reader}). ` +
      `The gltfpacks aim at our mobile count, ${count(scan.targetTriangles)} triangles.`,
    '',
    `| tool | wall | peak RSS | mobile bytes | triangles | Hausdorff max | mean dev. | SSIM (${views} views) | textures |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...scan.tools.map(toolRow),
    '',
    `SSIM reference: ${scan.renderReference}.`,
  ];
  return `${lines.join('\n')}\n`;
}

function toolRow(outcome: LargeToolOutcome): string {
  const label = LARGE_TOOL_LABELS[outcome.tool];
  if (!isScored(outcome)) {
    const measured =
      outcome.wallMs !== undefined
        ? ` (after ${seconds(outcome.wallMs)}, ${mebibytes(outcome.peakRssBytes)} peak)`
        : '';
    return `| ${label} | ${outcome.status}${measured}: ${oneLine(outcome.reason)} | | | | | | | |`;
  }
  const inside = outcome.inside;
  const wall =
    inside?.readMs !== undefined && inside.deriveMs !== undefined
      ? `${seconds(outcome.wallMs)} (read + derive ${seconds(inside.readMs + inside.deriveMs)})`
      : seconds(outcome.wallMs);
  return [
    '',
    label,
    wall,
    mebibytes(outcome.peakRssBytes),
    megabytes(outcome.bytes),
    count(outcome.triangles),
    `${percent(outcome.fidelity.hausdorffPct)} %`,
    `${percent(outcome.fidelity.meanDeviationPct)} %`,
    outcome.fidelity.ssim.toFixed(4),
    outcome.tool.startsWith('gltfpack') ? `kept as input: ${outcome.textures}` : outcome.textures,
    '',
  ]
    .join(' | ')
    .trim();
}

export function largeGoalsMarkdown(results: LargeBenchResults): string {
  const sizes = results.scans.map((scan) => scan.triangles);
  const mark = (met: boolean | undefined) => (met === undefined ? '' : met ? ' ✓' : ' ✗');
  const lines = [
    '### Goals (from the issue)',
    '',
    `| goal | ${sizes.map(millions).join(' | ')} | verdict |`,
    `|---|${sizes.map(() => '---:|').join('')}---|`,
    ...results.goals.map((goal) => {
      const cells = sizes.map((triangles) => {
        const size = goal.bySize.find((entry) => entry.triangles === triangles);
        return size ? `${size.value}${mark(size.met)}` : 'n/a';
      });
      return `| ${goal.statement} | ${cells.join(' | ')} | **${goal.verdict}** (${goal.detail}) |`;
    }),
    '',
    'Wall time and peak RSS are of the whole process, children included (GNU time `%M`), start-up included; ' +
      'our ingest runs as a curator runs it (`packages/cli/bin/vitrine.js`, TypeScript through tsx), our `mobile` step ' +
      `from its esbuild bundle. Median of ${results.settings.runs} run${results.settings.runs === 1 ? '' : 's'}. ` +
      `Hausdorff: ${results.settings.samples.toLocaleString('en')} surface samples on each mesh, against every source ` +
      'triangle (streamed), in % of the source bounding-box diagonal; SSIM of ' +
      `${results.settings.renderSize}² renders. Native gltfpack: ` +
      nativeLine(results.nativeGltfpack),
    machineLine(results.machine),
    '',
    'Plot of wall time and peak RSS against triangles: `.cache/bench/pipeline-large.svg`.',
  ];
  return `${lines.join('\n')}\n`;
}

function nativeLine(native: LargeBenchResults['nativeGltfpack']): string {
  if ('missing' in native) return `${native.missing}.`;
  const cap = native.takesSimplifyError ? '' : ' (it has no `-se`: its simplification error stays capped at 1 %)';
  return `${native.version} at \`${native.path}\`${cap}.`;
}

/** Distances span 0.001 % to several %: three significant digits say each of them. */
function percent(value: number): string {
  return value === 0 ? '0' : value.toPrecision(3);
}

/** A reason inside a table cell: no line breaks, no pipes. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}
