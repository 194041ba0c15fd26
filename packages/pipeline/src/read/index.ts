import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Logger, type Document } from '@gltf-transform/core';
import { ScanError } from '../errors.js';
import { sha256OfFile } from '../sha256.js';
import { DEFAULT_CHUNK_BYTES, type ScanSource } from './file-chunks.js';
import { readGltf } from './gltf.js';
import { readObj } from './obj.js';
import { readPly } from './ply.js';
import type { Reader, Warn } from './reader.js';
import { refuseIfTooLargeForMemory } from '../plan/memory-plan.js';
import { readStl } from './stl.js';
import { withUnzippedScan } from './zip.js';

export type { Warn } from './reader.js';

export interface ReadScan {
  document: Document;
  /** Lower-case format name of the scan read: "glb", "gltf", "obj", "ply", "stl". */
  format: string;
  /** The sha256 (hex) of the file the curator named (the zip, for a zipped scan): the source's identity. */
  sha256: string;
  /** The size in bytes of the file the curator named. */
  byteLength: number;
  /** For a zipped scan: the scan file's path inside the zip. */
  zipEntry?: string;
  /**
   * What the reader repaired or left out (a missing texture, faces that pointed nowhere),
   * one line each for the curator. The scan was read; it may be less complete than expected.
   */
  warnings: string[];
}

/** Readers by file extension. Each turns one scan format into a gltf-transform Document. */
const READERS: Readonly<Record<string, Reader>> = {
  // glTF is read whole: the validator and gltf-transform take one buffer, and a GLB's
  // binary chunk is its mesh data as it will be held anyway.
  glb: readWholeGltf,
  gltf: readWholeGltf,
  obj: readObj,
  ply: readPly,
  stl: readStl,
};

/** A .zip holds one scan of the formats above, with its textures. */
const ZIP = 'zip';

export const SUPPORTED_EXTENSIONS = Object.freeze([...Object.keys(READERS), ZIP]);

export interface ReadScanOptions {
  /** Bytes a reader takes from the file at a time (default 8 MiB); tests make it tiny. */
  chunkBytes?: number;
  /** The file's sha256 when the caller has it already (it hashed the file to see if anything changed). */
  sha256?: string;
  /** The memory the ingest may use, in bytes (default: most of this machine's); a larger scan is refused before it is read. */
  memoryLimit?: number;
  /** Progress of the read: bytes of the scan file read so far, of its total. */
  onBytesRead?: (done: number, total: number) => void;
}

/** What identifies a scan's content: the sha256 and size of the file the curator named, read as a stream. */
export async function identifyScan(file: string): Promise<{ sha256: string; byteLength: number }> {
  formatOf(file);
  const { size } = await requireScanFile(file);
  return { sha256: await sha256OfFile(file), byteLength: size };
}

/** Reads any supported scan file, or a zip holding one, into a Document, or fails with a ScanError. */
export async function readScan(file: string, options: ReadScanOptions = {}): Promise<ReadScan> {
  const format = formatOf(file);
  const warnings: string[] = [];
  const warn: Warn = (message) => warnings.push(message);
  const sourceOf = (scanFile: string, byteLength: number): ScanSource => ({
    file: scanFile,
    byteLength,
    chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
    onRead: options.onBytesRead && ((position) => options.onBytesRead!(position, byteLength)),
  });
  // Neither a scan nor its zip is ever held whole: both are hashed as a stream and parsed
  // in chunks, and a zip's entries are unpacked one by one.
  const { size } = await requireScanFile(file);
  const fileSha256 = options.sha256 ?? (await sha256OfFile(file));
  if (format !== ZIP) {
    const document = await readWith(format, sourceOf(file, size), warn, options.memoryLimit);
    return { document, format, sha256: fileSha256, byteLength: size, warnings };
  }
  return withUnzippedScan(file, Object.keys(READERS), async (scanFile, zipEntry) => {
    const scanFormat = formatOf(scanFile);
    const { size: scanSize } = await requireScanFile(scanFile);
    const document = await readWith(scanFormat, sourceOf(scanFile, scanSize), warn, options.memoryLimit);
    return { document, format: scanFormat, sha256: fileSha256, byteLength: size, zipEntry, warnings };
  });
}

function formatOf(file: string): string {
  const format = path.extname(file).slice(1).toLowerCase();
  if (format !== ZIP && !READERS[format]) {
    throw new ScanError(
      `${path.basename(file)} is not a format vitrine reads; export the scan as ${SUPPORTED_EXTENSIONS.map((ext) => `.${ext}`).join(', ')}`,
      'unsupported-format',
    );
  }
  return format;
}

async function requireScanFile(file: string): Promise<{ size: number }> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ScanError(`${file} does not exist or is not a file; check the path`, 'unreadable');
  if (info.size === 0) {
    throw new ScanError(`${path.basename(file)} is empty (0 bytes); copy or export it again`, 'empty-file');
  }
  return info;
}

async function readWholeGltf(source: ScanSource, warn: Warn): Promise<Document> {
  return readGltf(source.file, new Uint8Array(await readFile(source.file)), warn);
}

async function readWith(format: string, source: ScanSource, warn: Warn, memoryLimit?: number): Promise<Document> {
  refuseIfTooLargeForMemory(source, format, memoryLimit);
  const document = await READERS[format]!(source, warn);
  // gltf-transform's info lines are for its own CLI; our report says what happened.
  document.setLogger(new Logger(Logger.Verbosity.ERROR));
  return document;
}
