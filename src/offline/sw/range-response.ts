/** An inclusive byte range of a file, as HTTP counts it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Reads a Range header against a file of `size` bytes. One range only: for several
 * (`bytes=0-1,5-9`) or a malformed header the answer is undefined and the whole file is
 * sent, which HTTP allows. 'unsatisfiable' when the range starts past the end.
 */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (last !== '' && Number(last) < start) return undefined;
  return { start, end };
}

/**
 * Answers a Range request from a cached whole file. The viewer fetches whole derivatives,
 * but `<audio>` and `<video>` (annotation recordings) ask for ranges, and Safari plays
 * media only from 206 answers. The cache holds whole 200 responses: Cache.put refuses 206.
 */
export async function rangeResponse(whole: Response, rangeHeader: string): Promise<Response> {
  const blob = await whole.blob();
  const range = parseRange(rangeHeader, blob.size);
  const headers = new Headers(whole.headers);
  if (range === 'unsatisfiable') {
    return new Response(null, {
      status: 416,
      statusText: 'Range Not Satisfiable',
      headers: { 'Content-Range': `bytes */${blob.size}` },
    });
  }
  if (!range) return new Response(blob, { status: whole.status, statusText: whole.statusText, headers });
  headers.set('Content-Range', `bytes ${range.start}-${range.end}/${blob.size}`);
  headers.set('Content-Length', String(range.end - range.start + 1));
  return new Response(blob.slice(range.start, range.end + 1), {
    status: 206,
    statusText: 'Partial Content',
    headers,
  });
}
