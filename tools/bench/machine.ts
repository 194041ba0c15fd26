import os from 'node:os';

/** The machine a benchmark ran on, for the results file and the table's footnote. */
export interface MachineNote {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  /** 1-minute load average when the run started and ended: other jobs make timings noisy. */
  readonly loadAtStart: number;
  readonly loadAtEnd: number;
}

/** Describes this machine at the end of a run that began with `loadAtStart` (os.loadavg()[0]). */
export function noteMachine(loadAtStart: number): MachineNote {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart,
    loadAtEnd: os.loadavg()[0]!,
  };
}

/** The command that reproduces this run, as a reader would type it. */
export function benchCommand(script: string): string {
  return `npm run ${script}${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
}

/** The footnote line: the machine, and a warning when the load says other jobs were running. */
export function machineLine(machine: MachineNote): string {
  const busy = Math.max(machine.loadAtStart, machine.loadAtEnd) > machine.cpus * 0.5;
  return (
    `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}; ` +
    `load average ${machine.loadAtStart.toFixed(2)} at start, ${machine.loadAtEnd.toFixed(2)} at end` +
    (busy ? ' — other jobs were running: timings are noisy.' : '.')
  );
}
