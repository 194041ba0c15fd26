import path from 'node:path';
import { ScanError } from '../errors.js';

/** One file or folder of a zip, as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated; anything else is refused by the unzipper. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size, checked before and while inflating. */
  size: number;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  isEncrypted: boolean;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MADE_ON_UNIX = 3;
const UNIX_FILE_TYPE = 0o170000;
const UNIX_SYMBOLIC_LINK = 0o120000;

/**
 * Lists a zip's entries from its central directory. Hand-written (~80 lines) because
 * fflate's unzip does not say which entries are symbolic links or encrypted, nor where
 * their data lies, and we must know all of that, and every declared size, before inflating
 * a byte. fflate still does the inflating.
 */
export function listZipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) =>
    new ScanError(`${path.basename(file)} is not a readable zip (${why}); zip the scan again`, 'corrupt');
  const end = findEndOfDirectory(view);
  if (end < 0) throw damaged('no zip directory found');
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    throw new ScanError(
      `${path.basename(file)} is a zip64 archive, which vitrine does not unpack; zip the scan in parts under 4 GB`,
      'too-large',
    );
  }
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    throw damaged('it is one part of a split archive');
  }
  const count = view.getUint16(end + 10, true);
  const entries: ZipEntry[] = [];
  try {
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < count; i++) {
      if (view.getUint32(at, true) !== DIRECTORY_ENTRY) throw damaged('its directory is damaged');
      const madeOn = view.getUint8(at + 5);
      const flags = view.getUint16(at + 8, true);
      const nameLength = view.getUint16(at + 28, true);
      const unixMode = view.getUint32(at + 38, true) >>> 16;
      const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
      entries.push({
        name,
        method: view.getUint16(at + 10, true),
        compressedSize: view.getUint32(at + 20, true),
        size: view.getUint32(at + 24, true),
        isDirectory: name.endsWith('/') || name.endsWith('\\'),
        isSymbolicLink: madeOn === MADE_ON_UNIX && (unixMode & UNIX_FILE_TYPE) === UNIX_SYMBOLIC_LINK,
        isEncrypted: (flags & 1) !== 0,
        localHeaderOffset: view.getUint32(at + 42, true),
      });
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
  } catch (error) {
    if (error instanceof RangeError) throw damaged('its directory is cut short');
    throw error;
  }
  return entries;
}

/** The entry's stored (compressed) bytes, found through its local header. */
export function entryData(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  const valid = at + 30 <= bytes.length && view.getUint32(at, true) === LOCAL_HEADER;
  const start = valid ? at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) : Infinity;
  if (start + entry.compressedSize > bytes.length) {
    throw new ScanError(
      `${path.basename(file)} is damaged or cut short at ${entry.name}; zip the scan again`,
      'corrupt',
    );
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The end record is in the last 22 bytes plus at most a 64 KiB comment. */
function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return -1;
}
