import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ScanError } from '../errors.js';

/** One file or folder of a zip, as its central directory declares it. */
export interface ZipEntry {
  /** As the zip names it: UTF-8 where the zip says so (flag bit 11 or an Info-ZIP Unicode path), else CP437. */
  name: string;
  /** 0: stored, 8: deflated; anything else is refused by the unzipper. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size, checked before and while inflating. */
  size: number;
  /** Declared CRC-32 of the uncompressed bytes, checked after unpacking. */
  crc32: number;
  isDirectory: boolean;
  isSymbolicLink: boolean;
  isEncrypted: boolean;
}

/** A zip open on disk: its directory is read entry by entry, and each entry's bytes streamed on demand. */
export interface OpenZip {
  /** As the end of the directory declares it, known before any entry is listed. */
  entryCount: number;
  listEntries(): Promise<ZipEntry[]>;
  /** The entry's uncompressed bytes, as a stream that reads the zip only as fast as it is consumed. */
  openEntry(entry: ZipEntry): Promise<Readable>;
  /** Closes the file once every stream opened is done with it; safe to call twice. */
  close(): void;
}

const MADE_ON_UNIX = 3;
const UNIX_FILE_TYPE = 0o170000;
const UNIX_SYMBOLIC_LINK = 0o120000;

/**
 * Opens a zip from disk with yauzl, which reads only the directory and the entries asked for,
 * so a zipped scan never has to fit in memory (unpacking a 500 MB zip peaked at 1.05 GB of RSS
 * when the zip was read whole, 107 MB this way), and which reads zip64. Names are decoded by
 * us (`decodeStrings: false`, then yauzl's own decoder) so that an unsafe name reaches our
 * checks, which name the entry and say what to do, instead of failing inside yauzl.
 */
export async function openZip(file: string): Promise<OpenZip> {
  const zipName = path.basename(file);
  const zip = await yauzl
    .openPromise(file, {
      lazyEntries: true,
      // Entries are streamed after the whole directory has been checked, so the file stays open.
      autoClose: false,
      decodeStrings: false,
      // Our unpacker counts every byte against the declared size and the total limit itself, and
      // says which entry lied; yauzl's own check would fail first with a message of its own.
      validateEntrySizes: false,
    })
    .catch((error: unknown) => {
      throw notReadable(zipName, error);
    });
  const sources = new Map<ZipEntry, yauzl.Entry>();
  return {
    entryCount: zip.entryCount,
    async listEntries() {
      try {
        for await (const source of zip.eachEntry()) sources.set(describe(source), source);
      } catch (error) {
        throw notReadable(zipName, error);
      }
      return [...sources.keys()];
    },
    async openEntry(entry) {
      const source = sources.get(entry);
      if (!source) throw new Error(`${entry.name} was not listed from ${zipName}`);
      return zip.openReadStreamPromise(source).catch((error: unknown) => {
        throw new ScanError(
          `${zipName} is damaged or cut short at ${entry.name} (${reason(error)}); zip the scan again`,
          'corrupt',
          { cause: error },
        );
      });
    },
    close: () => zip.close(),
  };
}

function describe(source: yauzl.Entry): ZipEntry {
  // With decodeStrings off the name is the raw bytes (the typings say string); strict keeps
  // backslashes as written, so the curator sees the name their tool wrote, and our path check
  // treats them as separators.
  const name = yauzl.getFileNameLowLevel(source.generalPurposeBitFlag, source.fileNameRaw, source.extraFields, true);
  const madeOn = source.versionMadeBy >>> 8;
  const unixMode = source.externalFileAttributes >>> 16;
  return {
    name,
    method: source.compressionMethod,
    compressedSize: source.compressedSize,
    size: source.uncompressedSize,
    crc32: source.crc32,
    isDirectory: name.endsWith('/') || name.endsWith('\\'),
    isSymbolicLink: madeOn === MADE_ON_UNIX && (unixMode & UNIX_FILE_TYPE) === UNIX_SYMBOLIC_LINK,
    isEncrypted: source.isEncrypted(),
  };
}

/** yauzl's reasons, which speak of records and signatures, in the curator's words where we know them. */
const REASONS: readonly [RegExp, string][] = [
  [/end of central directory record signature not found/i, 'no zip directory found: it is cut short, or not a zip'],
  [/invalid comment length/i, 'its end is damaged, or bytes were added after it'],
  [/multi-disk/i, 'it is one part of a split archive'],
  [/unexpected EOF|signature/i, 'its directory is damaged or cut short'],
];

function notReadable(zipName: string, error: unknown): ScanError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code) {
    return new ScanError(`${zipName} could not be opened (${code}); check the file and its permissions`, 'unreadable', {
      cause: error,
    });
  }
  // Strong encryption is refused by yauzl as it lists the entry; ordinary encryption by our checks.
  if (/strong encryption/i.test(reason(error))) {
    return new ScanError(`${zipName} is password-protected; zip the scan without a password`, 'unreadable', {
      cause: error,
    });
  }
  const known = REASONS.find(([pattern]) => pattern.test(reason(error)));
  return new ScanError(
    `${zipName} is not a readable zip (${known?.[1] ?? reason(error)}); zip the scan again`,
    'corrupt',
    {
      cause: error,
    },
  );
}

/** The error's message on one line, as our errors are. */
function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}
