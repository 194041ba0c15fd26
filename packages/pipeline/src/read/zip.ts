import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ScanError } from '../errors.js';
import { openZip, type ZipEntry } from './zip-directory.js';
import { gigabytes, unpackEntry } from './zip-unpack.js';

export interface ZipLimits {
  /** Most bytes all entries may unpack to, declared and actually written. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Most uncompressed bytes per compressed byte, for entries above `ratioCheckAboveBytes`. */
  maxCompressionRatio: number;
  ratioCheckAboveBytes: number;
}

/**
 * A scan with 16k textures is a few GB; a zip bomb is far more, from little. Deflate cannot
 * pack better than ~1000:1, and scan files (text meshes, JPEGs) pack far worse than 200:1.
 */
export const ZIP_DEFAULTS: Readonly<ZipLimits> = Object.freeze({
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntries: 10_000,
  maxCompressionRatio: 200,
  ratioCheckAboveBytes: 1024 ** 2,
});

/**
 * Unpacks a zipped scan into a temporary folder, so its textures and buffers resolve as
 * beside any scan, and calls `read` with the one scan file inside. The zip is read from disk,
 * never whole: its directory first, then each entry streamed to its file. Every entry is
 * checked before a byte is inflated: paths stay inside the folder, no links, sizes under the
 * limits; real bytes are counted while inflating. The folder is removed whatever happens.
 */
export async function withUnzippedScan<T>(
  zipFile: string,
  scanExtensions: readonly string[],
  read: (scanFile: string, entryName: string) => Promise<T>,
  limits: ZipLimits = ZIP_DEFAULTS,
): Promise<T> {
  const zipName = path.basename(zipFile);
  const zip = await openZip(zipFile);
  try {
    // Before listing: a forged count must not make us hold millions of entries.
    if (zip.entryCount > limits.maxEntries) throw tooManyFiles(zipName, zip.entryCount);
    const entries = await zip.listEntries();
    const unpackable = entries.map((entry) => ({ entry, relative: checkedPath(entry, zipName) }));
    checkSizes(entries, zipName, limits);
    // Folders are not written: unpacking a file makes the folders on its path.
    const files = unpackable.filter(({ entry, relative }) => !entry.isDirectory && !isSystemClutter(relative));
    const extensionOf = (relative: string) => path.extname(relative).slice(1).toLowerCase();
    const scans = files
      .map(({ relative }) => relative)
      .filter((relative) => scanExtensions.includes(extensionOf(relative)));
    if (scans.length !== 1) throw notOneScan(zipName, scans, scanExtensions);
    const folder = await mkdtemp(path.join(os.tmpdir(), 'vitrine-zip-'));
    try {
      const budget = { total: 0, maxTotalBytes: limits.maxTotalBytes };
      for (const { entry, relative } of files) {
        await unpackEntry(zip, entry, path.join(folder, relative), zipName, budget);
      }
      return await read(path.join(folder, scans[0]!), scans[0]!);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  } finally {
    zip.close();
  }
}

/** The entry's path inside the extraction folder; a path that could leave it refuses the whole zip. */
function checkedPath(entry: ZipEntry, zipName: string): string {
  const refuse = (why: string) =>
    new ScanError(`${zipName} holds "${entry.name}", ${why}; zip only the scan's own files`, 'unsafe-path');
  if (entry.isSymbolicLink) throw refuse('a symbolic link');
  const name = entry.name.replaceAll('\\', '/');
  if (name.includes('\0') || name.startsWith('/') || /^[a-z]:/i.test(name)) throw refuse('an absolute path');
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) throw refuse('a path outside the zip');
  if (parts.length === 0 && !entry.isDirectory) throw refuse('a file without a name');
  return parts.join('/');
}

function tooManyFiles(zipName: string, count: number): ScanError {
  return new ScanError(
    `${zipName} holds ${count} files, more than a scan needs; zip the scan's own files only, or give the scan unzipped`,
    'too-large',
  );
}

function checkSizes(entries: readonly ZipEntry[], zipName: string, limits: ZipLimits): void {
  const tooLarge = (why: string) =>
    new ScanError(`${zipName} ${why}; zip the scan's own files only, or give the scan unzipped`, 'too-large');
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (total > limits.maxTotalBytes) {
    throw tooLarge(`would unpack to ${gigabytes(total)}, over the ${gigabytes(limits.maxTotalBytes)} limit`);
  }
  for (const entry of entries) {
    if (entry.isEncrypted) {
      throw new ScanError(`${zipName} is password-protected; zip the scan without a password`, 'unreadable');
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ScanError(
        `${zipName} uses a compression vitrine cannot unpack (method ${entry.method}); zip it again with standard (deflate) compression`,
        'unreadable',
      );
    }
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > limits.ratioCheckAboveBytes && ratio > limits.maxCompressionRatio) {
      throw tooLarge(`holds ${entry.name}, packed ${Math.round(ratio)}:1, which no scan file is`);
    }
  }
}

/** Folders and files that operating systems add to zips; never part of a scan. */
function isSystemClutter(relative: string): boolean {
  const base = path.posix.basename(relative);
  return relative.startsWith('__MACOSX/') || base.startsWith('._') || base === '.DS_Store' || base === 'Thumbs.db';
}

function notOneScan(zipName: string, scans: readonly string[], scanExtensions: readonly string[]): ScanError {
  if (scans.length === 0) {
    const kinds = scanExtensions.map((extension) => `.${extension}`).join(', ');
    return new ScanError(
      `${zipName} holds no scan file (${kinds}); zip the scan together with its textures`,
      'no-geometry',
    );
  }
  return new ScanError(
    `${zipName} holds ${scans.length} scans (${scans.join(', ')}); zip one scan at a time, with its own textures`,
    'ambiguous-archive',
  );
}
