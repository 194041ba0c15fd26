import path from 'node:path';
import { ScanError } from '../errors.js';
import { concatBytes } from './file-chunks.js';
import type { Warn } from './reader.js';

export type PlyScalarType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'float64';
export type PlyFormat = 'ascii' | 'binary_little_endian' | 'binary_big_endian';

export interface PlyProperty {
  name: string;
  type: PlyScalarType;
  /** Set for a list property (`property list uchar int vertex_indices`): the type of its length. */
  countType?: PlyScalarType;
}

export interface PlyElement {
  name: string;
  count: number;
  properties: PlyProperty[];
}

export interface PlyHeader {
  format: PlyFormat;
  elements: PlyElement[];
  /** Comment lines without the word "comment", e.g. "TextureFile mask.jpg". */
  comments: string[];
  /** Where the element data starts, just after the `end_header` line. */
  bodyOffset: number;
}

/** The spec's type names and the sized names most writers use now. */
const SCALAR_TYPES: Readonly<Record<string, PlyScalarType>> = {
  char: 'int8',
  uchar: 'uint8',
  short: 'int16',
  ushort: 'uint16',
  int: 'int32',
  uint: 'uint32',
  float: 'float32',
  double: 'float64',
  int8: 'int8',
  uint8: 'uint8',
  int16: 'int16',
  uint16: 'uint16',
  int32: 'int32',
  uint32: 'uint32',
  float32: 'float32',
  float64: 'float64',
};

export const SCALAR_BYTES: Readonly<Record<PlyScalarType, number>> = {
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  float32: 4,
  float64: 8,
};

/** Headers are a few hundred bytes; a file without `end_header` this far in is not a PLY. */
const MAX_HEADER_BYTES = 1024 * 1024;

/** The header, and the chunks of the body that follows it (the first one starts at the body). */
export interface PlyStart {
  header: PlyHeader;
  body: Iterable<Uint8Array>;
}

/**
 * Reads chunks until the header's `end_header` line and parses the header. The chunk that
 * holds the end of the header goes back to the front of the body. An `end_header` followed
 * by "\r" at the very end of what was read waits for one more chunk: its "\n" may be there.
 */
export function readPlyHeader(chunks: Iterator<Uint8Array>, file: string, warn: Warn): PlyStart {
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const next = chunks.next();
    if (!next.done) {
      parts.push(next.value);
      length += next.value.length;
    }
    const head = concatBytes(parts.length ? parts : [new Uint8Array(0)]);
    parts.splice(0, parts.length, head);
    const end = endOfHeader(head);
    const waitForNewline = end !== undefined && end === head.length && head[end - 1] === CARRIAGE_RETURN;
    if (end !== undefined && !(waitForNewline && !next.done)) {
      const header = parsePlyHeader(head.subarray(0, end), file, warn);
      const rest = head.subarray(end);
      const body: Iterable<Uint8Array> = {
        *[Symbol.iterator]() {
          if (rest.length) yield rest;
          for (let chunk = chunks.next(); !chunk.done; chunk = chunks.next()) yield chunk.value;
        },
      };
      return { header, body };
    }
    if (next.done || length > MAX_HEADER_BYTES) return { header: parsePlyHeader(head, file, warn), body: [] };
  }
}

const CARRIAGE_RETURN = 0x0d;

/** The offset just after the `end_header` line's line break, if the bytes hold it. */
function endOfHeader(head: Uint8Array): number | undefined {
  const text = new TextDecoder('latin1').decode(head.subarray(0, MAX_HEADER_BYTES));
  const end = /(?:^|\n)end_header[ \t]*(\r\n|\n|\r)/.exec(text);
  return end ? end.index + end[0].length : undefined;
}

/** Parses a header: `head` holds it whole, up to and with the `end_header` line. */
export function parsePlyHeader(head: Uint8Array, file: string, warn: Warn): PlyHeader {
  const name = path.basename(file);
  const notPly = (why: string) =>
    new ScanError(`${name} is not a readable PLY file (${why}); export the scan as PLY again`, 'corrupt');
  const text = new TextDecoder('latin1').decode(head.subarray(0, MAX_HEADER_BYTES));
  if (!/^ply\r?\n/.test(text)) throw notPly('it does not start with "ply"');
  const end = /(?:^|\n)end_header[ \t]*(\r\n|\n|\r)/.exec(text);
  if (!end) throw notPly('its header has no end_header');
  const header: PlyHeader = { format: 'ascii', elements: [], comments: [], bodyOffset: end.index + end[0].length };
  let format: string | undefined;
  const skipped: string[] = [];
  // Offsets were found in a one-byte decoding; the lines are read as UTF-8 for file names.
  const headerText = new TextDecoder('utf-8').decode(head.subarray(0, end.index));
  for (const line of headerText.split('\n').slice(1)) {
    const words = line.trim().split(/\s+/);
    const [keyword, ...values] = words;
    if (keyword === 'format') format = values[0];
    else if (keyword === 'comment' || keyword === 'obj_info')
      header.comments.push(line.trim().slice(keyword.length).trim());
    else if (keyword === 'element') header.elements.push(parseElement(values, notPly));
    else if (keyword === 'property') parseProperty(values, header.elements.at(-1), notPly);
    else if (keyword) skipped.push(line.trim());
  }
  if (format !== 'ascii' && format !== 'binary_little_endian' && format !== 'binary_big_endian') {
    throw notPly(`its format "${format ?? 'missing'}" is not ascii or binary`);
  }
  // Some exporters write a note into the header without the word "comment"; other readers
  // (MeshLab, Open3D) pass over such lines, and the data is unaffected.
  if (skipped.length > 0) {
    warn(
      `${name}: ${skipped.length === 1 ? 'a header line' : `${skipped.length} header lines`} that PLY does not know ("${skipped[0]!.slice(0, 40)}") ${skipped.length === 1 ? 'was' : 'were'} skipped`,
    );
  }
  header.format = format;
  return header;
}

function parseElement(values: string[], notPly: (why: string) => ScanError): PlyElement {
  const [elementName, countText] = values;
  const count = Number(countText);
  if (!elementName || !Number.isSafeInteger(count) || count < 0) throw notPly('an element has no valid count');
  return { name: elementName, count, properties: [] };
}

function parseProperty(values: string[], element: PlyElement | undefined, notPly: (why: string) => ScanError) {
  if (!element) throw notPly('a property comes before any element');
  const isList = values[0] === 'list';
  const [countTypeName, typeName, propertyName] = isList ? values.slice(1) : [undefined, ...values];
  const type = SCALAR_TYPES[typeName ?? ''];
  const countType = countTypeName === undefined ? undefined : SCALAR_TYPES[countTypeName];
  if (!type || !propertyName || (isList && !countType)) {
    throw notPly(`the property "${values.join(' ')}" has an unknown type`);
  }
  element.properties.push({ name: propertyName, type, ...(countType ? { countType } : {}) });
}
