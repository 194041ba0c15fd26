import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTestZip } from '../testing/zip-writer.js';
import { scanFolder } from './test-fixtures.js';
import { withUnzippedScan } from './zip.js';

/** Zips that are broken, hostile or made by tools we do not follow: each is one ScanError line, never a hang. */

const SCAN_EXTENSIONS = ['glb', 'gltf', 'obj', 'ply', 'stl'];
const text = (value: string) => new TextEncoder().encode(value);
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
/** Far below the suite's minute: a reader that waits on a stream that never ends fails here. */
const NO_HANG_MS = 5_000;

function patchHeaders(zip: Uint8Array, signature: number, patch: (view: DataView, at: number) => void): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.length; at++) if (view.getUint32(at, true) === signature) patch(view, at);
  return zip;
}

async function unzip(zip: Uint8Array): Promise<string> {
  const zipFile = path.join(await scanFolder({ 'scan.zip': zip }), 'scan.zip');
  return withUnzippedScan(zipFile, SCAN_EXTENSIONS, async (scanFile) => scanFile);
}

const stored = () => zipSync({ 'scan.obj': text('v 0 0 0\n'.repeat(100)) }, { level: 0 });
const deflated = () => zipSync({ 'scan.obj': text('v 0 0 0\n'.repeat(100)) }, { level: 9 });

describe('withUnzippedScan on damaged zips', () => {
  it.each([
    [
      'a file that is not a zip',
      () => text('not a zip at all, just some words'),
      /not a readable zip \(no zip directory/,
    ],
    ['a zip cut in half', () => deflated().subarray(0, 60), /not a readable zip/],
    ['a zip missing its middle', () => cutMiddle(stored()), /not a readable zip \(its directory is damaged/],
    ['a zip with bytes after its end', () => appendJunk(stored()), /not a readable zip \(its end is damaged/],
    [
      'a stored entry with a changed byte',
      () => patchHeaders(stored(), LOCAL_ENTRY, (view, at) => view.setUint8(at + 30 + 'scan.obj'.length + 3, 0x21)),
      /damaged at scan\.obj \(its checksum does not match\)/,
    ],
    [
      'a deflated entry with changed bytes',
      () =>
        patchHeaders(deflated(), LOCAL_ENTRY, (view, at) => view.setUint32(at + 30 + 'scan.obj'.length, 0xffffffff)),
      /damaged at scan\.obj/,
    ],
    [
      'an entry whose data lies past the end of the file',
      () => patchHeaders(stored(), CENTRAL_ENTRY, (view, at) => view.setUint32(at + 42, 600, true)),
      /damaged or cut short at scan\.obj/,
    ],
  ])(
    'refuses %s with one line',
    async (_, make, message) => {
      const error = await unzip(make()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'ScanError', code: 'corrupt', message: expect.stringMatching(message) });
      expect((error as Error).message).not.toContain('\n');
    },
    NO_HANG_MS,
  );

  it.each([
    ['password-protected', 0x0001, /is password-protected; zip the scan without a password/],
    ['strongly encrypted', 0x0041, /is password-protected; zip the scan without a password/],
  ])('refuses a %s zip', async (_, flags, message) => {
    const zip = patchHeaders(stored(), CENTRAL_ENTRY, (view, at) => view.setUint16(at + 8, flags, true));
    await expect(unzip(zip)).rejects.toMatchObject({ code: 'unreadable', message: expect.stringMatching(message) });
  });

  it('refuses a compression it cannot unpack, naming it', async () => {
    const zip = patchHeaders(deflated(), CENTRAL_ENTRY, (view, at) => view.setUint16(at + 10, 14, true)); // LZMA
    await expect(unzip(zip)).rejects.toMatchObject({
      code: 'unreadable',
      message: expect.stringMatching(/uses a compression vitrine cannot unpack \(method 14\)/),
    });
  });

  it('refuses two entries that unpack to the same place', async () => {
    const zip = writeTestZip([
      { name: 'scan', data: text('a file') },
      { name: 'scan/scan.obj', data: text('v 0 0 0\n') },
    ]);
    await expect(unzip(zip)).rejects.toMatchObject({
      code: 'corrupt',
      message: 'scan.zip holds scan/scan.obj where another entry has the same name; zip the scan again',
    });
  });
});

describe('withUnzippedScan cleans up after a failure', () => {
  const savedTmpdir = process.env.TMPDIR;
  afterEach(() => {
    process.env.TMPDIR = savedTmpdir;
  });

  it('removes the unpacked files when an entry fails half-way', async () => {
    const lying = patchHeaders(
      zipSync({ 'scan.obj': text('v 0 0 0\n'), 'texture.png': text('x'.repeat(1000)) }),
      CENTRAL_ENTRY,
      (view, at) => {
        if (view.getUint16(at + 28, true) === 'texture.png'.length) view.setUint32(at + 24, 10, true);
      },
    );
    const zipFile = path.join(await scanFolder({ 'scan.zip': lying }), 'scan.zip');
    // os.tmpdir() follows TMPDIR, so the unpacker's folder lands where only this test looks.
    const temporary = await mkdtemp(path.join(os.tmpdir(), 'vitrine-zip-cleanup-'));
    process.env.TMPDIR = temporary;
    try {
      await expect(withUnzippedScan(zipFile, SCAN_EXTENSIONS, async () => 'read')).rejects.toMatchObject({
        message: expect.stringMatching(/holds more in texture\.png than it declares/),
      });
      expect(await readdir(temporary)).toEqual([]);
    } finally {
      await rm(temporary, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the zip whether reading succeeds or fails', async () => {
    const openFiles = async () => (await readdir('/proc/self/fd')).length;
    const good = stored();
    const damaged = patchHeaders(stored(), LOCAL_ENTRY, (view, at) => view.setUint8(at + 30 + 'scan.obj'.length, 0x21));
    // Stopped half-way through a stream, stored and deflated: the stream must let go of the file too.
    const lying = [stored(), deflated()].map((zip) =>
      patchHeaders(zip, CENTRAL_ENTRY, (view, at) => view.setUint32(at + 24, 10, true)),
    );
    const before = await openFiles();
    for (const zip of [good, damaged, ...lying, good]) await unzip(zip).catch(() => undefined);
    // yauzl closes the file once its last stream is done, a tick after we let go of it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await openFiles()).toBe(before);
  });
});

/** The zip with 40 bytes taken out of its first entry's data: every later offset points wrong. */
function cutMiddle(zip: Uint8Array): Uint8Array {
  return new Uint8Array([...zip.subarray(0, 100), ...zip.subarray(140)]);
}

/** Some download tools pad a file; the end record then no longer ends the zip. */
function appendJunk(zip: Uint8Array): Uint8Array {
  return new Uint8Array([...zip, ...text('padding')]);
}
