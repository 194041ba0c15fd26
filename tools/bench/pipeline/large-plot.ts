// The large benchmark's plot, drawn by hand as SVG: wall time and peak RSS against the
// scan's triangle count, one line a tool. A run that failed but was measured up to its end
// (killed for memory, say) is a cross, so a missing point is never mistaken for a cheap one.
import {
  INGEST_MEMORY_GOAL_BYTES,
  INGEST_MEMORY_GOAL_TRIANGLES,
  type LargeBenchResults,
  type LargeScanResult,
} from './large-results.js';
import { LARGE_TOOLS, type LargeToolName } from './large-tools.js';

const COLOURS: Readonly<Record<LargeToolName, string>> = {
  ingest: '#1f5fa8',
  'ours-mobile': '#2e9a48',
  'gltfpack-native': '#c8372d',
  'gltfpack-npm': '#e08a16',
};
const LEGEND: Readonly<Record<LargeToolName, string>> = {
  ingest: 'ours: whole vitrine ingest',
  'ours-mobile': 'ours: mobile derivative alone',
  'gltfpack-native': 'gltfpack native',
  'gltfpack-npm': 'gltfpack npm (wasm)',
};

const WIDTH = 960;
const HEIGHT = 440;
const PANEL = { width: 370, height: 270, top: 60 };
const PANEL_LEFTS = [80, 560];

interface Point {
  readonly x: number;
  readonly y: number;
  readonly failed: boolean;
}

interface Panel {
  readonly title: string;
  readonly axis: string;
  readonly unit: string;
  readonly value: (scan: LargeScanResult, tool: LargeToolName) => Point | undefined;
  /** A horizontal goal line: its value and label. */
  readonly goal?: { readonly y: number; readonly label: string };
}

export function largePlotSvg(results: LargeBenchResults): string {
  const scans = results.scans.filter((scan): scan is LargeScanResult => scan.status === 'ok');
  const measure = (scan: LargeScanResult, name: LargeToolName, pick: 'wall' | 'rss'): Point | undefined => {
    const outcome = scan.tools.find((candidate) => candidate.tool === name);
    const value = pick === 'wall' ? outcome?.wallMs : outcome?.peakRssBytes;
    if (!outcome || value === undefined) return undefined;
    return {
      x: scan.triangles / 1e6,
      y: pick === 'wall' ? value / 1000 : value / 1e9,
      failed: outcome.status !== 'ok',
    };
  };
  const reachesGoalSize = scans.some((scan) => scan.triangles >= INGEST_MEMORY_GOAL_TRIANGLES);
  const panels: Panel[] = [
    { title: 'Wall time', axis: 'wall time', unit: 's', value: (scan, name) => measure(scan, name, 'wall') },
    {
      title: 'Peak RSS',
      axis: 'peak resident memory',
      unit: 'GB',
      value: (scan, name) => measure(scan, name, 'rss'),
      ...(reachesGoalSize ? { goal: { y: INGEST_MEMORY_GOAL_BYTES / 1e9, label: 'ingest goal at 12M' } } : {}),
    },
  ];
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" ` +
      'font-family="system-ui, sans-serif" font-size="12">',
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="600">` +
      'Large scans: wall time and peak memory against triangle count</text>',
    ...panels.flatMap((panel, i) => drawPanel(panel, PANEL_LEFTS[i]!, scans)),
    ...legend(),
    '</svg>',
  ];
  return `${parts.join('\n')}\n`;
}

function drawPanel(panel: Panel, left: number, scans: readonly LargeScanResult[]): string[] {
  const series = LARGE_TOOLS.map((name) => ({
    name,
    points: scans.map((scan) => panel.value(scan, name)).filter((point): point is Point => point !== undefined),
  }));
  const all = series.flatMap((line) => line.points);
  const xTicks = ticks(Math.max(...scans.map((scan) => scan.triangles / 1e6), 0));
  const yTicks = ticks(Math.max(...all.map((point) => point.y), panel.goal?.y ?? 0, 0));
  const xMax = xTicks[xTicks.length - 1]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const bottom = PANEL.top + PANEL.height;
  const px = (x: number) => left + (x / xMax) * PANEL.width;
  const py = (y: number) => bottom - (y / yMax) * PANEL.height;
  const out = [
    `<text x="${left + PANEL.width / 2}" y="${PANEL.top - 14}" text-anchor="middle" font-size="14" font-weight="600">` +
      `${panel.title} (${panel.unit})</text>`,
    ...xTicks.map(
      (tick) =>
        `<line x1="${px(tick)}" y1="${PANEL.top}" x2="${px(tick)}" y2="${bottom}" stroke="#e6e6e6"/>` +
        `<text x="${px(tick)}" y="${bottom + 16}" text-anchor="middle">${format(tick)}</text>`,
    ),
    ...yTicks.map(
      (tick) =>
        `<line x1="${left}" y1="${py(tick)}" x2="${left + PANEL.width}" y2="${py(tick)}" stroke="#e6e6e6"/>` +
        `<text x="${left - 6}" y="${py(tick) + 4}" text-anchor="end">${format(tick)}</text>`,
    ),
    `<line x1="${left}" y1="${bottom}" x2="${left + PANEL.width}" y2="${bottom}" stroke="black"/>`,
    `<line x1="${left}" y1="${PANEL.top}" x2="${left}" y2="${bottom}" stroke="black"/>`,
    `<text x="${left + PANEL.width / 2}" y="${bottom + 36}" text-anchor="middle">triangles (millions)</text>`,
    `<text transform="translate(${left - 50} ${PANEL.top + PANEL.height / 2}) rotate(-90)" text-anchor="middle">` +
      `${panel.axis} (${panel.unit})</text>`,
  ];
  if (panel.goal) {
    out.push(
      `<line x1="${left}" y1="${py(panel.goal.y)}" x2="${left + PANEL.width}" y2="${py(panel.goal.y)}" ` +
        `stroke="${COLOURS.ingest}" stroke-dasharray="6 4"/>`,
      `<text x="${left + PANEL.width - 4}" y="${py(panel.goal.y) - 5}" text-anchor="end" fill="${COLOURS.ingest}">` +
        `${panel.goal.label}</text>`,
    );
  }
  for (const { name, points } of series) {
    const colour = COLOURS[name];
    const done = points.filter((point) => !point.failed);
    if (done.length > 1) {
      const path = done.map((point) => `${px(point.x).toFixed(1)},${py(point.y).toFixed(1)}`).join(' ');
      out.push(`<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    }
    for (const point of points) out.push(marker(px(point.x), py(point.y), colour, point.failed));
  }
  return out;
}

function legend(): string[] {
  const y = HEIGHT - 34;
  let x = 80;
  const out = LARGE_TOOLS.map((name) => {
    const entry = x;
    // About 6.5 px a character at 12 px: entries sit a little apart whatever their labels' lengths.
    x += 32 + LEGEND[name].length * 6.5 + 36;
    return (
      `<line x1="${entry}" y1="${y}" x2="${entry + 24}" y2="${y}" stroke="${COLOURS[name]}" stroke-width="2"/>` +
      marker(entry + 12, y, COLOURS[name], false) +
      `<text x="${entry + 32}" y="${y + 4}">${LEGEND[name]}</text>`
    );
  });
  out.push(
    marker(86, y + 20, '#555', true) +
      `<text x="112" y="${y + 24}" fill="#555">a failed run, measured until it stopped</text>`,
  );
  return out;
}

function marker(x: number, y: number, colour: string, failed: boolean): string {
  if (!failed) return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${colour}"/>`;
  const d = 5;
  return (
    `<path d="M${x - d},${y - d}L${x + d},${y + d}M${x - d},${y + d}L${x + d},${y - d}" ` +
    `stroke="${colour}" stroke-width="2.5"/>`
  );
}

/** Ticks from 0 to at least `max`, at a step of 1, 2 or 5 × 10ⁿ, about five of them. */
function ticks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const count = Math.ceil(max / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, i) => i * step);
}

function format(value: number): string {
  return Number(value.toPrecision(6)).toLocaleString('en');
}
