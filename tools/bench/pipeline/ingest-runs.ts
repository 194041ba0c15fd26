// Our whole ingest, timed as a curator runs it, shared by the large and the subdivided benches.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { runMeasured } from './measure-process.js';
import { readablePart } from './run-tools.js';
import { ROOT } from './sources.js';

export type IngestRuns =
  | {
      ok: true;
      commandLine: string;
      wallsMs: number[];
      peaksBytes: number[];
      /** The last run's `--json` report. */
      stdout: string;
    }
  | {
      ok: false;
      commandLine: string;
      reason: string;
      /** Of the run that failed: how long it ran and the memory it had reached. */
      wallMs: number;
      peakRssBytes?: number;
    };

/**
 * `vitrine ingest <input> --collection <collection> --id <id> --force --json <extra>`,
 * through packages/cli/bin/vitrine.js (TypeScript through tsx), `runs` times, into a
 * scratch collection emptied before every run so that each does the whole work. Stops at
 * the first run that fails.
 */
export async function runIngestTimes(
  input: string,
  options: { collection: string; id: string; extraArgs: readonly string[]; runs: number },
): Promise<IngestRuns> {
  const { collection, id, extraArgs, runs } = options;
  const args = [path.join(ROOT, 'packages/cli/bin/vitrine.js'), 'ingest', input, '--collection', collection];
  args.push('--id', id, ...extraArgs, '--force', '--json');
  const commandLine = ['node', ...args].map(readablePart).join(' ');
  const wallsMs: number[] = [];
  const peaksBytes: number[] = [];
  let stdout = '';
  for (let run = 0; run < runs; run++) {
    await rm(collection, { recursive: true, force: true });
    const measured = await runMeasured(process.execPath, args, ROOT);
    if (measured.exitCode !== 0) {
      const detail = (measured.stderr || measured.stdout).trim().split('\n').slice(-3).join(' | ');
      return {
        ok: false,
        commandLine,
        reason: `exit ${measured.exitCode}: ${detail}`,
        wallMs: measured.wallMs,
        ...(measured.peakRssBytes !== undefined ? { peakRssBytes: measured.peakRssBytes } : {}),
      };
    }
    wallsMs.push(measured.wallMs);
    if (measured.peakRssBytes !== undefined) peaksBytes.push(measured.peakRssBytes);
    stdout = measured.stdout;
  }
  return { ok: true, commandLine, wallsMs, peaksBytes, stdout };
}
