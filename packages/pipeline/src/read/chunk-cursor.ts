import { concatBytes } from './file-chunks.js';

/** Thrown when a binary body ends before what its header declared. */
export class EndOfData extends Error {}

/**
 * Reads fixed-size binary values from a file's chunks as if they were one buffer. A value
 * that straddles two chunks is copied with the few bytes around it; everything else is read
 * where it lies.
 */
export class ChunkCursor {
  /** Holds the bytes `take` just made readable, at the offset it returned. */
  view: DataView = new DataView(new ArrayBuffer(0));
  private at = 0;

  constructor(private readonly chunks: Iterator<Uint8Array>) {}

  /** Makes the next `count` bytes readable in `view` and returns their offset there. */
  take(count: number): number {
    if (this.at + count > this.view.byteLength) this.refill(count);
    const start = this.at;
    this.at += count;
    return start;
  }

  private refill(count: number): void {
    const parts: Uint8Array[] = [
      new Uint8Array(this.view.buffer, this.view.byteOffset + this.at, this.view.byteLength - this.at),
    ];
    let length = parts[0]!.length;
    while (length < count) {
      const next = this.chunks.next();
      if (next.done) throw new EndOfData();
      parts.push(next.value);
      length += next.value.length;
    }
    const bytes = concatBytes(parts[0]!.length === 0 ? parts.slice(1) : parts);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = 0;
  }
}
