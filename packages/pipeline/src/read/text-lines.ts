import { ScanError } from '../errors.js';
import { concatBytes } from './file-chunks.js';
import { asUtf8 } from './text-encoding.js';

/**
 * No statement of a scan's text file comes near this; a "line" longer is a binary file read
 * as text, and holding it would only run toward V8's ~512 MiB string limit.
 */
const MAX_LINE_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Yields the lines of a text file in batches, one batch a chunk, decoding each chunk up to
 * its last newline byte, which UTF-8 never uses inside a character, so no character is
 * split (a streaming TextDecoder over the lines was 5x slower). The line that straddles a
 * chunk boundary is carried to the next chunk. Batches, not single lines, because a
 * generator step per line costs more than parsing a short line. A line of a CRLF file keeps
 * its "\r" (even when "\r" and "\n" fall in different chunks); every reader here trims
 * statements anyway. UTF-16 text is re-encoded first; a UTF-8 byte-order mark is dropped.
 */
export function* textLineBatches(chunks: Iterable<Uint8Array>, name: string): Generator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let carried: Uint8Array[] = [];
  let carriedLength = 0;
  for (const chunk of asUtf8(chunks)) {
    const last = chunk.lastIndexOf(NEWLINE);
    if (last < 0) {
      carried.push(chunk);
      carriedLength += chunk.length;
      if (carriedLength > MAX_LINE_BYTES) throw lineTooLong(name);
      continue;
    }
    const start = carriedLength > 0 ? chunk.indexOf(NEWLINE) + 1 : 0;
    const lines = start <= last ? decoder.decode(chunk.subarray(start, last)).split('\n') : [];
    if (carriedLength > 0) lines.unshift(decoder.decode(concatBytes([...carried, chunk.subarray(0, start - 1)])));
    carried = last + 1 < chunk.length ? [chunk.subarray(last + 1)] : [];
    carriedLength = chunk.length - last - 1;
    yield lines;
  }
  if (carriedLength > 0) yield [decoder.decode(concatBytes(carried))];
}

function lineTooLong(name: string): ScanError {
  return new ScanError(
    `${name} has a line longer than 64 MiB, which no scan's text has; check it is the scan you meant, or export it again`,
    'corrupt',
  );
}

/** One line at a time, for small files (MTL) and headers, where simplicity beats speed. */
export function* textLines(chunks: Iterable<Uint8Array>, name: string): Generator<string> {
  for (const batch of textLineBatches(chunks, name)) yield* batch;
}

/** Splits a statement into its keyword and the rest, keeping the rest's inner spaces (file names have them). */
export function splitKeyword(line: string): { keyword: string; rest: string } {
  const trimmed = line.trim();
  const space = trimmed.search(/\s/);
  if (space < 0) return { keyword: trimmed, rest: '' };
  return { keyword: trimmed.slice(0, space), rest: trimmed.slice(space + 1).trim() };
}

/**
 * Reads whitespace-separated numbers of `line` from `start` into `out`, at most out.length,
 * and returns how many it read. A scanner rather than split() + map(Number), which makes
 * two arrays a line and was most of the time of reading a large OBJ.
 */
export function readNumbers(line: string, start: number, out: Float64Array): number {
  let count = 0;
  let at = start;
  while (count < out.length) {
    while (at < line.length && line.charCodeAt(at) <= 32) at++;
    if (at >= line.length) break;
    const tokenStart = at;
    while (at < line.length && line.charCodeAt(at) > 32) at++;
    out[count++] = Number(line.slice(tokenStart, at));
  }
  return count;
}
