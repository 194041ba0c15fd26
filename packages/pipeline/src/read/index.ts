import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Logger, type Document } from '@gltf-transform/core';
import { ScanError } from '../errors.js';
import { readGltf } from './gltf.js';

export interface ReadScan {
  document: Document;
  /** Lower-case format name: "glb", "gltf", "obj", "ply", "stl". */
  format: string;
  /** The bytes of the file the curator named, for hashing. */
  bytes: Uint8Array;
}

type Reader = (file: string, bytes: Uint8Array) => Promise<Document>;

/** Readers by file extension. Each turns one scan format into a gltf-transform Document. */
const READERS: Readonly<Record<string, Reader>> = {
  glb: readGltf,
  gltf: readGltf,
};

export const SUPPORTED_EXTENSIONS = Object.freeze(Object.keys(READERS));

/** Reads any supported scan file into a Document, or fails with a ScanError. */
export async function readScan(file: string): Promise<ReadScan> {
  const name = path.basename(file);
  const format = path.extname(file).slice(1).toLowerCase();
  const reader = READERS[format];
  if (!reader) {
    throw new ScanError(
      `${name} is not a format vitrine reads; export the scan as ${SUPPORTED_EXTENSIONS.map((ext) => `.${ext}`).join(', ')}`,
      'unsupported-format',
    );
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new ScanError(`${file} does not exist or is not a file; check the path`, 'unreadable');
  if (info.size === 0) throw new ScanError(`${name} is empty (0 bytes); copy or export it again`, 'empty-file');
  const bytes = new Uint8Array(await readFile(file));
  const document = await reader(file, bytes);
  // gltf-transform's info lines are for its own CLI; our report says what happened.
  document.setLogger(new Logger(Logger.Verbosity.ERROR));
  return { document, format, bytes };
}
