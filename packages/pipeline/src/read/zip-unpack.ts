import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ScanError } from '../errors.js';
import type { OpenZip, ZipEntry } from './zip-directory.js';

/** Bytes written so far across all entries, against the caller's total limit. */
export interface UnpackBudget {
  total: number;
  maxTotalBytes: number;
}

/**
 * Streams one entry to `target`, a chunk at a time (16 KiB, Node's stream default), so memory
 * stays flat whatever the entry's size. Every byte is counted as it arrives: an entry that holds more
 * than it declares, or that would take the zip past its total, is stopped there, not after.
 * The CRC-32 is checked at the end, because neither stored data nor raw deflate carry a
 * check of their own, and a damaged texture would otherwise be read as a valid one.
 */
export async function unpackEntry(
  zip: OpenZip,
  entry: ZipEntry,
  target: string,
  zipName: string,
  budget: UnpackBudget,
): Promise<void> {
  const handle = await createTarget(target, entry, zipName);
  let entryBytes = 0;
  let checksum = 0;
  try {
    // Opened only once the target exists: a stream never read would keep the zip's file open.
    for await (const chunk of await zip.openEntry(entry)) {
      const bytes = chunk as Buffer;
      entryBytes += bytes.length;
      budget.total += bytes.length;
      if (entryBytes > entry.size) {
        throw new ScanError(`${zipName} holds more in ${entry.name} than it declares; zip the scan again`, 'corrupt');
      }
      if (budget.total > budget.maxTotalBytes) {
        throw new ScanError(
          `${zipName} unpacks to over ${gigabytes(budget.maxTotalBytes)}; give the scan unzipped`,
          'too-large',
        );
      }
      checksum = crc32(bytes, checksum);
      await handle.write(bytes);
    }
  } catch (error) {
    if (error instanceof ScanError) throw error;
    // zlib's and yauzl's reasons ("invalid stored block lengths") are one line each.
    throw new ScanError(
      `${zipName} is damaged at ${entry.name} (${(error as Error).message}); zip the scan again`,
      'corrupt',
      { cause: error },
    );
  } finally {
    await handle.close();
  }
  if (entryBytes !== entry.size) {
    throw new ScanError(
      `${zipName} is damaged at ${entry.name} (its size does not match); zip the scan again`,
      'corrupt',
    );
  }
  if (checksum >>> 0 !== entry.crc32 >>> 0) {
    throw new ScanError(
      `${zipName} is damaged at ${entry.name} (its checksum does not match); zip the scan again`,
      'corrupt',
    );
  }
}

/**
 * A new file for the entry. `wx` refuses a name already unpacked; two entries of one name, or
 * a file where a folder is needed ("a" and "a/b.obj"), are the zip's fault and said so.
 */
async function createTarget(target: string, entry: ZipEntry, zipName: string): Promise<FileHandle> {
  try {
    await mkdir(path.dirname(target), { recursive: true });
    return await open(target, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') {
      throw new ScanError(
        `${zipName} holds ${entry.name} where another entry has the same name; zip the scan again`,
        'corrupt',
        { cause: error },
      );
    }
    if (code === 'ENAMETOOLONG') {
      throw new ScanError(
        `${zipName} holds ${entry.name}, a name too long to unpack; zip with shorter names`,
        'corrupt',
        {
          cause: error,
        },
      );
    }
    // Not the zip's fault: the temporary folder is full or closed to us.
    throw new ScanError(
      `${zipName}: could not unpack ${entry.name} (${code}); check the space and permissions of the temporary folder`,
      'unreadable',
      { cause: error },
    );
  }
}

export function gigabytes(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}
