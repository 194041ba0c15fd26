import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip writer for tests, for the zips that fflate will not make: names in CP437 without the
 * UTF-8 flag (as Windows Explorer writes them) and zip64 records on small files (real zip64
 * archives are over 4 GB). Only what the reader's tests need: one disk, no comments.
 */

export interface TestZipEntry {
  /** A string is written as UTF-8 with flag bit 11; bytes are written as they are, flag clear. */
  name: string | Uint8Array;
  data: Uint8Array;
  /** Deflate the data (method 8); otherwise it is stored (method 0). */
  deflate?: boolean;
}

export interface TestZipOptions {
  /** Sizes and offsets as 0xFFFFFFFF with zip64 extra fields, and zip64 end records. */
  zip64?: boolean;
}

const UTF8_NAMES = 0x0800;
const VERSION_ZIP64 = 45;
const VERSION_DEFLATE = 20;
const ZIP64_FIELD = 0x0001;
const MARK = 0xffffffff;

/** Bytes in CP437 for names of ASCII and the few letters our tests use. */
export function cp437(name: string): Uint8Array {
  const table: Record<string, number> = { ü: 0x81, é: 0x82, ä: 0x84, ö: 0x94, Ü: 0x9a, ß: 0xe1 };
  return Uint8Array.from(name, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    const byte = table[char];
    if (byte === undefined) throw new Error(`cp437(): no byte for "${char}" in this small table`);
    return byte;
  });
}

export function writeTestZip(entries: readonly TestZipEntry[], options: TestZipOptions = {}): Uint8Array {
  const zip64 = options.zip64 ?? false;
  const version = zip64 ? VERSION_ZIP64 : VERSION_DEFLATE;
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? new TextEncoder().encode(entry.name) : entry.name;
    const flags = typeof entry.name === 'string' ? UTF8_NAMES : 0;
    const packed = entry.deflate ? new Uint8Array(deflateRawSync(entry.data)) : entry.data;
    const common = {
      version,
      flags,
      method: entry.deflate ? 8 : 0,
      crc: crc32(entry.data),
      compressedSize: zip64 ? MARK : packed.length,
      size: zip64 ? MARK : entry.data.length,
      name,
    };
    const localExtra = zip64 ? zip64Field([entry.data.length, packed.length]) : new Uint8Array(0);
    const local = header(0x04034b50, common, localExtra);
    const centralExtra = zip64 ? zip64Field([entry.data.length, packed.length, offset]) : new Uint8Array(0);
    directory.push(header(0x02014b50, { ...common, offset: zip64 ? MARK : offset }, centralExtra));
    parts.push(local, packed);
    offset += local.length + packed.length;
  }
  const directoryBytes = concat(directory);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, zip64 ? 0xffff : entries.length, true);
  end.setUint16(10, zip64 ? 0xffff : entries.length, true);
  end.setUint32(12, zip64 ? MARK : directoryBytes.length, true);
  end.setUint32(16, zip64 ? MARK : offset, true);
  const tail = zip64 ? [zip64End(entries.length, directoryBytes.length, offset, version)] : [];
  return concat([...parts, directoryBytes, ...tail, new Uint8Array(end.buffer)]);
}

interface HeaderFields {
  version: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: Uint8Array;
  /** Only in the central directory. */
  offset?: number;
}

/** A local header (30 bytes) or a central directory entry (46 bytes), then its name and extra field. */
function header(signature: number, fields: HeaderFields, extra: Uint8Array): Uint8Array {
  const central = fields.offset !== undefined;
  const fixed = central ? 46 : 30;
  const view = new DataView(new ArrayBuffer(fixed + fields.name.length + extra.length));
  const bytes = new Uint8Array(view.buffer);
  // The central entry carries "version made by" before the fields the two share.
  const at = central ? 2 : 0;
  view.setUint32(0, signature, true);
  if (central) view.setUint16(4, fields.version, true); // made on MS-DOS/Windows (high byte 0)
  view.setUint16(4 + at, fields.version, true);
  view.setUint16(6 + at, fields.flags, true);
  view.setUint16(8 + at, fields.method, true);
  view.setUint16(12 + at, 0x21, true); // 1980-01-01: yauzl reads dates but never needs them
  view.setUint32(14 + at, fields.crc, true);
  view.setUint32(18 + at, fields.compressedSize, true);
  view.setUint32(22 + at, fields.size, true);
  view.setUint16(26 + at, fields.name.length, true);
  view.setUint16(28 + at, extra.length, true);
  if (central) view.setUint32(42, fields.offset!, true);
  bytes.set(fields.name, fixed);
  bytes.set(extra, fixed + fields.name.length);
  return bytes;
}

/** The zip64 extended information field: the 64-bit values, in the order the spec lists them. */
function zip64Field(values: readonly number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(4 + 8 * values.length));
  view.setUint16(0, ZIP64_FIELD, true);
  view.setUint16(2, 8 * values.length, true);
  values.forEach((value, index) => view.setBigUint64(4 + 8 * index, BigInt(value), true));
  return new Uint8Array(view.buffer);
}

/** The zip64 end of central directory record (56 bytes) and its locator (20 bytes). */
function zip64End(count: number, directorySize: number, directoryOffset: number, version: number): Uint8Array {
  const view = new DataView(new ArrayBuffer(56 + 20));
  view.setUint32(0, 0x06064b50, true);
  view.setBigUint64(4, 44n, true); // the record's size after this field
  view.setUint16(12, version, true);
  view.setUint16(14, version, true);
  view.setBigUint64(24, BigInt(count), true);
  view.setBigUint64(32, BigInt(count), true);
  view.setBigUint64(40, BigInt(directorySize), true);
  view.setBigUint64(48, BigInt(directoryOffset), true);
  view.setUint32(56, 0x07064b50, true);
  view.setBigUint64(56 + 8, BigInt(directoryOffset + directorySize), true);
  view.setUint32(56 + 16, 1, true); // one disk in all
  return new Uint8Array(view.buffer);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
