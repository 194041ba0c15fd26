import { DEFAULT_PROFILES } from '@vitrine/core';
import type { BenchResults, SourceOutcome, SourceResult, Summary, ToolResult, Verdict } from './results.js';
import type { ToolName } from './tool-commands.js';
import { HAUSDORFF_TIE_ABSOLUTE_PCT, HAUSDORFF_TIE_RELATIVE, SSIM_TIE } from './verdict.js';
import { machineLine } from '../machine.js';

const TOOL_LABELS: Readonly<Record<ToolName, string>> = {
  ours: 'ours (`mobile` profile)',
  'gltf-transform': 'gltf-transform optimize',
  gltfpack: 'gltfpack -cc -si',
};

export function sourceMarkdown(outcome: SourceOutcome): string {
  if (outcome.status !== 'ok') return `### ${outcome.name}\n\n${outcome.status}: ${outcome.reason}\n`;
  const views = Object.keys(outcome.tools[0]?.fidelity.ssimByView ?? {}).length;
  const lines = [
    `### ${outcome.name} — ${outcome.description}`,
    '',
    `Input to all three: ${count(outcome.input.triangles)} triangles, ${megabytes(outcome.input.bytes)} plain GLB ` +
      `(\`${outcome.file}\` read and normalized by our reader).`,
    '',
    `| tool | bytes | triangles | wall | peak RSS | Hausdorff max | mean dev. | SSIM (${views} views) | textures |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...outcome.tools.map(toolRow),
    '',
    verdictLine(outcome.verdict),
  ];
  return `${lines.join('\n')}\n`;
}

function toolRow(tool: ToolResult): string {
  const triangles =
    tool.tool === 'ours' ? count(tool.triangles) : `${count(tool.triangles)} (${signed(tool.trianglesVsOursPct, 1)} %)`;
  const textures = tool.tool === 'gltfpack' ? `kept as input: ${tool.textures}` : tool.textures;
  return [
    '',
    TOOL_LABELS[tool.tool],
    overBudget(tool.bytes),
    triangles,
    wall(tool),
    tool.peakRssBytes === undefined ? 'n/a' : `${Math.round(tool.peakRssBytes / 2 ** 20)} MiB`,
    `${percent(tool.fidelity.hausdorffPct)} %`,
    `${percent(tool.fidelity.meanDeviationPct)} %`,
    tool.fidelity.ssim.toFixed(4),
    textures,
    '',
  ]
    .join(' | ')
    .trim();
}

function verdictLine(verdict: Verdict): string {
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  return (
    `**Verdict:** bytes ours/min-peer ${verdict.bytesRatio.toFixed(2)} ${mark(verdict.meets.bytes)} · ` +
    `Hausdorff ours − best peer ${signedPercent(verdict.hausdorffDeltaPct)} pp ${mark(verdict.meets.geometry)} · ` +
    `SSIM ours − best peer ${signed(verdict.ssimDelta, 4)} ${mark(verdict.meets.image)} · ` +
    `time ours/gltf-transform ${verdict.timeRatio.toFixed(2)} ${mark(verdict.meets.time)}  \n` +
    `Against gltf-transform alone (same texture treatment): bytes ${verdict.vsGltfTransform.bytesRatio.toFixed(2)} · ` +
    `Hausdorff ${signedPercent(verdict.vsGltfTransform.hausdorffDeltaPct)} pp · ` +
    `SSIM ${signed(verdict.vsGltfTransform.ssimDelta, 4)}`
  );
}

export function summaryMarkdown(results: BenchResults): string {
  const ok = results.sources.filter((source): source is SourceResult => source.status === 'ok');
  const notRun = results.sources.filter((source) => source.status !== 'ok');
  const { summary } = results;
  const lines = [
    `### Summary over ${summary.sources} source${summary.sources === 1 ? '' : 's'}`,
    '',
    '| source | bytes ours/min-peer | Hausdorff Δ (pp) | SSIM Δ | time ours/gltf-transform |',
    '|---|---:|---:|---:|---:|',
    ...ok.map(
      ({ name, verdict }) =>
        `| ${name} | ${verdict.bytesRatio.toFixed(2)} | ${signedPercent(verdict.hausdorffDeltaPct)} | ${signed(verdict.ssimDelta, 4)} | ${verdict.timeRatio.toFixed(2)} |`,
    ),
    `| **median** | **${summary.medianBytesRatio.toFixed(2)}** | **${signedPercent(summary.medianHausdorffDeltaPct)}** | ` +
      `**${signed(summary.medianSsimDelta, 4)}** | **${summary.medianTimeRatio.toFixed(2)}** |`,
    `| meets goal | ${summary.meeting.bytes}/${summary.sources} | ${summary.meeting.geometry}/${summary.sources} | ` +
      `${summary.meeting.image}/${summary.sources} | ${summary.meeting.time}/${summary.sources} |`,
    '',
    ...toolMedians(summary),
    '',
    `Goal: at equal triangle count, ours ≤ the smaller peer's bytes, fidelity ≥ the better peer's (Hausdorff within ` +
      `${HAUSDORFF_TIE_RELATIVE * 100} % of it or ${HAUSDORFF_TIE_ABSOLUTE_PCT} pp, SSIM within ${SSIM_TIE}), ` +
      `wall time < gltf-transform optimize's. ` +
      `Δ = ours − best peer; Hausdorff and mean deviation in % of the source's bounding-box diagonal ` +
      `(${results.settings.samples.toLocaleString('en')} surface samples a mesh); SSIM on ${results.settings.renderSize}² ` +
      `renders cropped to the object; wall time and peak RSS of the whole process (start-up included; ours ` +
      `runs compiled to one JavaScript bundle by esbuild, as a published package would), ` +
      `median of ${results.settings.runs} run${results.settings.runs === 1 ? '' : 's'}.`,
    machineLine(results.machine),
    ...(notRun.length > 0
      ? ['', ...notRun.map((source) => `- ${source.name}: ${source.status}, ${source.reason}`)]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

function toolMedians(summary: Summary): string[] {
  return [
    '| tool (medians) | bytes | wall | peak RSS | Hausdorff max | SSIM |',
    '|---|---:|---:|---:|---:|---:|',
    ...summary.byTool.map(
      (tool) =>
        `| ${TOOL_LABELS[tool.tool]} | ${megabytes(tool.medianBytes)} | ${(tool.medianWallMs / 1000).toFixed(2)} s | ` +
        `${Math.round(tool.medianPeakRssBytes / 2 ** 20)} MiB | ${percent(tool.medianHausdorffPct)} % | ${tool.medianSsim.toFixed(4)} |`,
    ),
  ];
}

/** The mobile profile's byte budget: an output over it could not ship as the mobile derivative. */
function overBudget(bytes: number): string {
  const budget = DEFAULT_PROFILES.mobile!.maxBytes!;
  return bytes > budget ? `${megabytes(bytes)} (over ${megabytes(budget)} budget)` : megabytes(bytes);
}

/** Our process also says how long reading and deriving took, which tells start-up cost apart. */
function wall(tool: ToolResult): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const { readMs, deriveMs } = tool.inside ?? {};
  if (readMs === undefined || deriveMs === undefined) return seconds(tool.wallMs);
  return `${seconds(tool.wallMs)} (read + derive ${seconds(readMs + deriveMs)})`;
}

function megabytes(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(0)} kB`;
}

function count(value: number): string {
  return value.toLocaleString('en');
}

function signed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return value >= 0 ? `+${text}` : text;
}

/** Distances span 0.001 % to several %: three significant digits say each of them. */
function percent(value: number): string {
  return value === 0 ? '0' : value.toPrecision(3);
}

function signedPercent(value: number): string {
  return value >= 0 ? `+${percent(value)}` : percent(value);
}
