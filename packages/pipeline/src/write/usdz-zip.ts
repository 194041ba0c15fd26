import { zipSync, type Zippable } from 'fflate';

export interface UsdzFile {
  /** Path inside the package, ASCII, `/`-separated. */
  path: string;
  bytes: Uint8Array;
}

/** USD's own zip writer marks its alignment padding with this extra-field id. */
const PADDING_EXTRA_ID = 0x1986;
const LOCAL_HEADER_BYTES = 30;
const EXTRA_HEADER_BYTES = 4;
const ALIGNMENT = 64;
/** A fixed date keeps the package byte-identical for identical input (sha256 in the manifest). */
const FIXED_MTIME = new Date(2000, 0, 1);

/**
 * Packs files as a USDZ: a zip whose entries are stored, not compressed, in the given
 * order (the root layer first), each file's data starting at a multiple of 64 bytes so
 * USD can map it in place. fflate writes the zip; we only choose each entry's padding,
 * which goes in the local header's extra field, as USD's own writer does.
 */
export function packUsdz(files: readonly UsdzFile[]): Uint8Array {
  const entries: Zippable = {};
  let offset = 0;
  for (const { path, bytes } of files) {
    if (!/^[\x20-\x7e]+$/.test(path) || path in entries) {
      throw new Error(`usdz entry "${path}" must be unique printable ASCII`);
    }
    const headerEnd = offset + LOCAL_HEADER_BYTES + path.length;
    let padding = (ALIGNMENT - (headerEnd % ALIGNMENT)) % ALIGNMENT;
    // An extra field needs 4 bytes of its own header; when the gap is smaller, skip to the next 64.
    if (padding > 0 && padding < EXTRA_HEADER_BYTES) padding += ALIGNMENT;
    const extra = padding === 0 ? undefined : { [PADDING_EXTRA_ID]: new Uint8Array(padding - EXTRA_HEADER_BYTES) };
    entries[path] = [bytes, { level: 0, mtime: FIXED_MTIME, ...(extra ? { extra } : {}) }];
    offset = headerEnd + padding + bytes.byteLength;
  }
  const zip = zipSync(entries);
  assertAligned(zip, files);
  return zip;
}

/**
 * Reads the local headers back and checks every entry's data offset. fflate's layout is
 * stable, but a misaligned package fails silently on a phone; failing here is cheaper.
 */
function assertAligned(zip: Uint8Array, files: readonly UsdzFile[]): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let offset = 0;
  for (const { path, bytes } of files) {
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const dataStart = offset + LOCAL_HEADER_BYTES + nameLength + extraLength;
    if (view.getUint32(offset, true) !== 0x04034b50 || view.getUint16(offset + 8, true) !== 0) {
      throw new Error(`usdz entry ${path} is not a stored zip entry`);
    }
    if (dataStart % ALIGNMENT !== 0) throw new Error(`usdz entry ${path} starts at ${dataStart}, not 64-byte aligned`);
    offset = dataStart + bytes.byteLength;
  }
}
