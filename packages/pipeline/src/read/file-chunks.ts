import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes read at a time: large enough that a read costs nothing next to parsing it, small next to memory. */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;

/** A scan file to be read in chunks: no reader holds a whole file, which may be larger than memory. */
export interface ScanSource {
  readonly file: string;
  /** Its size in bytes, from stat before reading. */
  readonly byteLength: number;
  /** Bytes read at a time; tests make it tiny so that chunk boundaries fall everywhere. */
  readonly chunkBytes: number;
  /** Told the file position after each chunk read from the start: progress for a long read. */
  readonly onRead?: (position: number) => void;
}

/**
 * Yields a file's bytes from `from` on, one chunk at a time, each a fresh array the caller
 * may keep. Synchronous reads, not a ReadStream: the parsers pull values in tight loops,
 * and an await at every refill would make each of them async at the value level. Ingest
 * runs in a worker thread, so a blocking read stalls nothing else, and with 8 MiB chunks
 * the reads are a small part of the parse (a 880 MB OBJ: ~110 reads).
 */
export function* fileChunks(source: ScanSource, from = 0): Generator<Uint8Array> {
  const descriptor = openSync(source.file, 'r');
  try {
    for (let position = from; ;) {
      const chunk = new Uint8Array(source.chunkBytes);
      const read = readSync(descriptor, chunk, 0, chunk.length, position);
      if (read === 0) return;
      position += read;
      if (from === 0) source.onRead?.(position);
      yield read === chunk.length ? chunk : chunk.subarray(0, read);
    }
  } finally {
    closeSync(descriptor);
  }
}

/** `length` bytes of a file from `start` (fewer where it ends): a header, or a sample to estimate from. */
export function readRange(file: string, start: number, length: number): Uint8Array {
  const descriptor = openSync(file, 'r');
  try {
    const bytes = new Uint8Array(length);
    return bytes.subarray(0, readSync(descriptor, bytes, 0, length, start));
  } finally {
    closeSync(descriptor);
  }
}

/** Joins byte arrays into one; used only for the short spans that straddle a chunk boundary. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
