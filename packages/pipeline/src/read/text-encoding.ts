import { concatBytes } from './file-chunks.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Enough bytes to see a byte-order mark or the zero bytes of UTF-16 text. */
const SNIFF_BYTES = 4;

/**
 * Tells UTF-16 text from UTF-8 (and ASCII) by its byte-order mark, or, for a file saved
 * without one, by the zero high bytes that ASCII characters have in UTF-16 ("v\0 \0").
 * Some Windows tools ("Unicode" in Notepad, PowerShell 5's Out-File) save OBJ and MTL so.
 */
export function textEncodingOf(head: Uint8Array): TextEncodingName {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (head.length >= SNIFF_BYTES && b1 === 0 && b3 === 0 && b0 !== 0 && b2 !== 0) return 'utf-16le';
  if (head.length >= SNIFF_BYTES && b0 === 0 && b2 === 0 && b1 !== 0 && b3 !== 0) return 'utf-16be';
  return 'utf-8';
}

/**
 * Passes UTF-8 chunks through and re-encodes UTF-16 ones as UTF-8 as they stream, so every
 * text reader parses one encoding. A character split between chunks is kept whole by the
 * streaming decoder.
 */
export function* asUtf8(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  const iterator = chunks[Symbol.iterator]();
  const headParts: Uint8Array[] = [];
  let headLength = 0;
  while (headLength < SNIFF_BYTES) {
    const next = iterator.next();
    if (next.done) break;
    headParts.push(next.value);
    headLength += next.value.length;
  }
  const head = concatBytes(headParts.length ? headParts : [new Uint8Array(0)]);
  const rest: Iterable<Uint8Array> = { [Symbol.iterator]: () => iterator };
  const encoding = textEncodingOf(head);
  if (encoding === 'utf-8') {
    if (head.length) yield head;
    yield* rest;
    return;
  }
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  yield encoder.encode(decoder.decode(head, { stream: true }));
  for (const chunk of rest) yield encoder.encode(decoder.decode(chunk, { stream: true }));
  const last = decoder.decode();
  if (last) yield encoder.encode(last);
}
