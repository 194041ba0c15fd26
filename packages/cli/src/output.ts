/** Where the command writes: injectable so tests can read what a curator would see. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** True when stderr is a terminal that can show a live progress line. */
  interactive: boolean;
  /** Writes to stderr without a newline, for the progress display's cursor moves. */
  writeRaw?(text: string): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
  writeRaw: (text) => process.stderr.write(text),
};

/** Exit codes: 0 all done, 1 some inputs failed, 2 the command line was wrong. */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2 });

export class UsageError extends Error {
  override name = 'UsageError';
}
