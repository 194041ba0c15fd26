import type { Output } from '../output.js';

/**
 * The live "file: step" lines on a terminal. Each file has its line; a new step rewrites
 * the block in place (ANSI cursor-up), so the terminal shows where every worker is.
 */
export class ProgressDisplay {
  private readonly lines: string[];
  private drawn = 0;

  constructor(
    private readonly files: string[],
    private readonly output: Output,
  ) {
    this.lines = files.map((file) => `${file}: waiting`);
  }

  update(index: number, text: string): void {
    if (!this.output.interactive) return;
    this.lines[index] = `${this.files[index]}: ${text}`;
    this.redraw();
  }

  /** Removes the block before the summary is printed. */
  clear(): void {
    if (!this.output.interactive || this.drawn === 0) return;
    this.output.writeRaw?.(`\x1b[${this.drawn}A\x1b[J`);
    this.drawn = 0;
  }

  private redraw(): void {
    const width = process.stderr.columns || 100;
    const block = this.lines.map((line) => (line.length > width - 1 ? `${line.slice(0, width - 2)}…` : line));
    const up = this.drawn > 0 ? `\x1b[${this.drawn}A` : '';
    this.output.writeRaw?.(`${up}${block.map((line) => `\x1b[2K${line}`).join('\n')}\n`);
    this.drawn = block.length;
  }
}
