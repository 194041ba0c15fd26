import path from 'node:path';
import { ScanError } from '../errors.js';
import { ChunkCursor, EndOfData } from './chunk-cursor.js';
import { Growable, float32s, uint32s } from './growable.js';
import { SCALAR_BYTES, type PlyElement, type PlyHeader, type PlyProperty, type PlyScalarType } from './ply-header.js';
import { textLineBatches } from './text-lines.js';

/** A list property's values: those of element i are values[offsets[i]] up to values[offsets[i + 1]]. */
export interface PlyList {
  offsets: Uint32Array;
  values: Uint32Array | Float32Array;
}

/** The properties that were asked for of one element, column by column. */
export interface PlyElementData {
  count: number;
  scalars: Map<string, Float32Array | Float64Array>;
  lists: Map<string, PlyList>;
}

/** Property names wanted, by element name; everything else is read past, not kept. */
export type PlyWanted = ReadonlyMap<string, ReadonlySet<string>>;

type ValueSource = (type: PlyScalarType) => number;

interface ColumnSink {
  property: PlyProperty;
  scalar?: Float32Array | Float64Array;
  list?: { offsets: Uint32Array; values: Growable<Uint32Array> | Growable<Float32Array> };
}

/**
 * Reads the element data of a PLY, ascii or binary of either byte order, keeping only the
 * wanted properties. Values land in typed columns: doubles and 32-bit integers in
 * Float64Array (exact), the rest in Float32Array.
 */
export function readPlyBody(
  body: Iterable<Uint8Array>,
  bodyLength: number,
  header: PlyHeader,
  wanted: PlyWanted,
  file: string,
): Map<string, PlyElementData> {
  const name = path.basename(file);
  const cutShort = (element: PlyElement) =>
    new ScanError(
      `${name} is cut short: it ends before its ${element.count} ${element.name} entries; copy or export it again`,
      'corrupt',
    );
  // Counts are checked against the file's size before any column is allocated for them.
  let smallestBody = 0;
  for (const element of header.elements) {
    smallestBody += element.count * smallestSize(element, header.format === 'ascii');
    if (smallestBody > bodyLength + 1) throw cutShort(element);
  }
  const next =
    header.format === 'ascii'
      ? asciiValues(body, name)
      : binaryValues(new ChunkCursor(body[Symbol.iterator]()), header.format);
  const result = new Map<string, PlyElementData>();
  for (const element of header.elements) {
    const keep = wanted.get(element.name) ?? new Set<string>();
    const sinks = element.properties.map((property) => columnSink(property, element.count, keep.has(property.name)));
    try {
      readElement(element, sinks, next);
    } catch (error) {
      if (error instanceof RangeError || error instanceof EndOfData) throw cutShort(element);
      throw error;
    }
    result.set(element.name, columnsOf(element.count, sinks));
  }
  return result;
}

function readElement(element: PlyElement, sinks: ColumnSink[], next: ValueSource): void {
  for (let index = 0; index < element.count; index++) {
    for (const { property, scalar, list } of sinks) {
      if (!property.countType) {
        const value = next(property.type);
        if (scalar) scalar[index] = value;
        continue;
      }
      const length = next(property.countType);
      if (!(length >= 0)) throw new EndOfData();
      for (let item = 0; item < length; item++) {
        const value = next(property.type);
        list?.values.push(value);
      }
      if (list) list.offsets[index + 1] = list.values.length;
    }
  }
}

function columnSink(property: PlyProperty, count: number, keep: boolean): ColumnSink {
  if (!keep) return { property };
  const exact = property.type === 'float64' || property.type === 'int32' || property.type === 'uint32';
  if (!property.countType) return { property, scalar: exact ? new Float64Array(count) : new Float32Array(count) };
  const integer = property.type !== 'float32' && property.type !== 'float64';
  const values = integer ? new Growable(uint32s, 3 * count) : new Growable(float32s, 3 * count);
  return { property, list: { offsets: new Uint32Array(count + 1), values } };
}

function columnsOf(count: number, sinks: ColumnSink[]): PlyElementData {
  const data: PlyElementData = { count, scalars: new Map(), lists: new Map() };
  for (const { property, scalar, list } of sinks) {
    if (scalar) data.scalars.set(property.name, scalar);
    if (list) data.lists.set(property.name, { offsets: list.offsets, values: list.values.toArray() });
  }
  return data;
}

/** The fewest bytes an entry can take: its scalars and list lengths (ascii: a digit and a space each). */
function smallestSize(element: PlyElement, ascii: boolean): number {
  return element.properties.reduce(
    (sum, property) => sum + (ascii ? 2 : SCALAR_BYTES[property.countType ?? property.type]),
    0,
  );
}

function binaryValues(cursor: ChunkCursor, format: 'binary_little_endian' | 'binary_big_endian'): ValueSource {
  const little = format === 'binary_little_endian';
  // The cursor throws EndOfData past the end, which readPlyBody reports as a cut-short file.
  const readers: Record<PlyScalarType, (view: DataView, at: number) => number> = {
    int8: (view, at) => view.getInt8(at),
    uint8: (view, at) => view.getUint8(at),
    int16: (view, at) => view.getInt16(at, little),
    uint16: (view, at) => view.getUint16(at, little),
    int32: (view, at) => view.getInt32(at, little),
    uint32: (view, at) => view.getUint32(at, little),
    float32: (view, at) => view.getFloat32(at, little),
    float64: (view, at) => view.getFloat64(at, little),
  };
  return (type) => {
    const at = cursor.take(SCALAR_BYTES[type]);
    return readers[type](cursor.view, at);
  };
}

/** Values of an ascii body, whitespace-separated; writers put one entry a line, the spec does not ask it. */
function asciiValues(body: Iterable<Uint8Array>, name: string): ValueSource {
  const batches = textLineBatches(body, name);
  let lines: string[] = [];
  let lineIndex = 0;
  let tokens: string[] = [];
  let tokenIndex = 0;
  return () => {
    while (tokenIndex >= tokens.length) {
      if (lineIndex >= lines.length) {
        const batch = batches.next();
        if (batch.done) throw new EndOfData();
        [lines, lineIndex] = [batch.value, 0];
        continue;
      }
      const line = lines[lineIndex++]!.trim();
      [tokens, tokenIndex] = [line ? line.split(/\s+/) : [], 0];
    }
    return Number(tokens[tokenIndex++]);
  };
}
