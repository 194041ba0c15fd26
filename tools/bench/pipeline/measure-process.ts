import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** GNU time: its rusage covers the process and every child it waited for (tsx, wasm workers). */
const GNU_TIME = '/usr/bin/time';

export interface MeasuredRun {
  readonly exitCode: number;
  /** From spawn to exit, as a user waiting at the prompt would feel it (process start-up included). */
  readonly wallMs: number;
  /** Largest resident set of the process or any child, in bytes; undefined without GNU time. */
  readonly peakRssBytes: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to completion and measures it from outside, so that our pipeline and the
 * peers' command lines are measured identically. Peak RSS comes from GNU time's
 * `-f %M` (getrusage of the children); GNU time writes it to a file of its own so the
 * tool's stderr is left as it was.
 */
export async function runMeasured(command: string, args: readonly string[], cwd: string): Promise<MeasuredRun> {
  const folder = await mkdtemp(path.join(tmpdir(), 'bench-time-'));
  const timeFile = path.join(folder, 'rusage');
  const withTime = existsSync(GNU_TIME);
  const [program, programArgs] = withTime
    ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, [...args]];
  try {
    const started = performance.now();
    const { exitCode, stdout, stderr } = await collect(program, programArgs, cwd);
    const wallMs = performance.now() - started;
    const peakKilobytes = withTime
      ? Number.parseInt((await readFile(timeFile, 'utf8')).trim().split('\n').pop()!, 10)
      : NaN;
    return {
      exitCode,
      wallMs,
      peakRssBytes: Number.isFinite(peakKilobytes) ? peakKilobytes * 1024 : undefined,
      stdout,
      stderr,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function collect(
  program: string,
  args: readonly string[],
  cwd: string,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
}
