import type { TaskOutcome } from './run-pool.js';

/** The table printed when every file is done: one row a file, what happened and the figures. */
export function summaryTable(files: string[], outcomes: TaskOutcome[]): string {
  const rows = files.map((file, index) => {
    const outcome = outcomes[index];
    if (!outcome) return [file, '-', 'stopped', '', '', ''];
    if (!outcome.ok) return [file, '-', 'failed', '', '', `${outcome.seconds.toFixed(1)} s`];
    const { result } = outcome;
    // The mobile derivative is what most visitors download: its figures speak for the artefact.
    const derivatives = result.artefact.derivatives;
    const main = derivatives.find((derivative) => derivative.profile === 'mobile') ?? derivatives[0]!;
    return [
      file,
      result.id,
      result.status,
      main.triangles.toLocaleString('en'),
      formatBytes(main.bytes),
      `${outcome.seconds.toFixed(1)} s`,
    ];
  });
  const header = ['file', 'id', 'result', 'mobile triangles', 'mobile bytes', 'time'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format)].join('\n');
}

export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
}
