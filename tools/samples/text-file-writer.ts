// A text file written in chunks and published atomically: lines gather in memory up to a
// few megabytes, go to a temporary file beside the target with fs.writeSync, and the file
// takes its name only when complete. A multi-gigabyte OBJ is never a string in memory, and
// a reader never sees half of one.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/** Pending text is written once it passes this many characters (ASCII: as many bytes). */
const CHUNK_CHARACTERS = 4 * 2 ** 20;

export class TextFileWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private pending: string[] = [];
  private pendingCharacters = 0;
  private written = 0;

  constructor(readonly target: string) {
    this.temporary = `${target}.${process.pid}.tmp`;
    this.fd = openSync(this.temporary, 'w');
  }

  /** Bytes written or pending so far. */
  get bytes(): number {
    return this.written + this.pendingCharacters;
  }

  /** Appends `line` and a newline. */
  line(line: string): void {
    this.pending.push(line, '\n');
    this.pendingCharacters += line.length + 1;
    if (this.pendingCharacters >= CHUNK_CHARACTERS) this.flush();
  }

  /** Writes what is pending, syncs, closes, and renames the file to its target. */
  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.target);
  }

  /** Gives up: closes and removes the temporary file; the target is untouched. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed by a commit that failed at the rename.
    }
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    // The generator writes ASCII only, so latin1 is both exact and the fastest encoding.
    const chunk = Buffer.from(this.pending.join(''), 'latin1');
    let offset = 0;
    while (offset < chunk.length) offset += writeSync(this.fd, chunk, offset, chunk.length - offset);
    this.written += chunk.length;
    this.pending = [];
    this.pendingCharacters = 0;
  }
}
