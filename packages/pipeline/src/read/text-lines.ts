/** Bytes decoded at a time: large enough to be fast, small enough to stay far from V8's string limit. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Yields the lines of a text file in batches, without decoding it into one string: a V8
 * string stops at ~512 MiB, and a photogrammetry OBJ can be bigger. Batches, not single
 * lines, because a generator step per line costs more than parsing a short line. Chunks are
 * cut after a newline byte, which UTF-8 never uses inside a character, so each decodes alone
 * (a streaming TextDecoder was 5x slower). A line of a CRLF file keeps its "\r"; every
 * reader here trims statements anyway. A UTF-8 byte-order mark is dropped.
 */
export function* textLineBatches(bytes: Uint8Array): Generator<string[]> {
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(start + CHUNK_BYTES, bytes.length);
    if (end < bytes.length) {
      const newline = bytes.lastIndexOf(0x0a, end - 1);
      end = newline >= start ? newline + 1 : nextLineStart(bytes, end);
    }
    const lines = decoder.decode(bytes.subarray(start, end)).split('\n');
    if (lines.at(-1) === '') lines.pop();
    yield lines;
    start = end;
  }
}

function nextLineStart(bytes: Uint8Array, from: number): number {
  const newline = bytes.indexOf(0x0a, from);
  return newline < 0 ? bytes.length : newline + 1;
}

/** One line at a time, for small files (MTL) and headers, where simplicity beats speed. */
export function* textLines(bytes: Uint8Array): Generator<string> {
  for (const batch of textLineBatches(bytes)) yield* batch;
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
