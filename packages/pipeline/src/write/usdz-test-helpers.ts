/**
 * Readers for tests of the usdz writer, written apart from it so that a test does not
 * check the writer with its own assumptions: the zip is walked header by header as a
 * phone would, and USDA arrays are pulled out of the text by pattern.
 */

export interface StoredEntry {
  name: string;
  /** Zip compression method: 0 is stored. */
  method: number;
  /** Where the file's bytes start in the archive. */
  dataOffset: number;
  data: Uint8Array;
}

/** The entries of a zip in archive order, from their local headers. */
export function readZipEntries(zip: Uint8Array): StoredEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries: StoredEntry[] = [];
  let offset = 0;
  while (offset + 4 <= zip.byteLength && view.getUint32(offset, true) === 0x04034b50) {
    const flags = view.getUint16(offset + 6, true);
    if (flags & 0x08) throw new Error('data descriptors are not allowed in a usdz');
    const method = view.getUint16(offset + 8, true);
    const compressedSize = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 30, offset + 30 + nameLength));
    const dataOffset = offset + 30 + nameLength + extraLength;
    entries.push({ name, method, dataOffset, data: zip.subarray(dataOffset, dataOffset + compressedSize) });
    offset = dataOffset + compressedSize;
  }
  return entries;
}

export function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | 'other' {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return 'other';
}

/** The numbers of a USDA array attribute, e.g. `usdaArray(text, 'point3f[] points')`. */
export function usdaArray(usda: string, declaration: string): number[] {
  const opening = `${declaration} = [`;
  const start = usda.indexOf(opening);
  if (start < 0) throw new Error(`no ${declaration} in the layer`);
  const body = usda.slice(start + opening.length, usda.indexOf(']', start + opening.length));
  return (body.match(/-?[0-9.]+(?:e[-+]?[0-9]+)?/gi) ?? []).map(Number);
}

/** Groups a flat list into tuples of `size`. */
export function tuples(values: readonly number[], size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** The body of the first `def <type> "<name>"` block, braces balanced. */
export function usdaBlock(usda: string, header: string): string {
  const start = usda.indexOf(header);
  if (start < 0) throw new Error(`no ${header} in the layer`);
  let depth = 0;
  for (let i = usda.indexOf('{', start); i < usda.length; i++) {
    if (usda[i] === '{') depth++;
    if (usda[i] === '}' && --depth === 0) return usda.slice(start, i + 1);
  }
  throw new Error(`unbalanced braces after ${header}`);
}
