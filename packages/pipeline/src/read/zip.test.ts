import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scanFolder, tinyImage } from './test-fixtures.js';
import { ZIP_DEFAULTS, withUnzippedScan } from './zip.js';

const SCAN_EXTENSIONS = ['glb', 'gltf', 'obj', 'ply', 'stl'];
const text = (value: string) => new TextEncoder().encode(value);
const CENTRAL_ENTRY = 0x02014b50;

/** Changes fields of every central-directory entry, as a hostile or broken zip would have them. */
function patchDirectory(zip: Uint8Array, patch: (view: DataView, entry: number) => void): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 4 <= zip.length; at++) if (view.getUint32(at, true) === CENTRAL_ENTRY) patch(view, at);
  return zip;
}

async function unzip(zip: Uint8Array, limits = ZIP_DEFAULTS) {
  const zipFile = path.join(await scanFolder({ 'scan.zip': zip }), 'scan.zip');
  let unpackedTo = '';
  const result = await withUnzippedScan(
    zipFile,
    SCAN_EXTENSIONS,
    async (scanFile, entry) => {
      unpackedTo = path.dirname(scanFile);
      return { entry, content: await readFile(scanFile, 'utf8') };
    },
    limits,
  );
  return { ...result, unpackedTo };
}

describe('withUnzippedScan', () => {
  it('unpacks the one scan with its resources beside it, then removes the folder', async () => {
    const zip = zipSync({
      'mask/mask.obj': text('mtllib mask.mtl\n'),
      'mask/mask.mtl': text('newmtl m\n'),
      'mask/colour.png': await tinyImage(),
      '__MACOSX/mask/._mask.obj': text('resource fork'),
    });
    const { entry, content, unpackedTo } = await unzip(zip);
    expect(entry).toBe('mask/mask.obj');
    expect(content).toBe('mtllib mask.mtl\n');
    expect(unpackedTo).not.toBe('');
    expect(existsSync(unpackedTo)).toBe(false);
  });

  it('removes the folder when reading fails', async () => {
    const zipFile = path.join(await scanFolder({ 'scan.zip': zipSync({ 'a.stl': text('solid') }) }), 'scan.zip');
    let folder = '';
    const failing = withUnzippedScan(zipFile, SCAN_EXTENSIONS, async (scanFile) => {
      folder = path.dirname(scanFile);
      throw new Error('reader failed');
    });
    await expect(failing).rejects.toThrow('reader failed');
    expect(existsSync(folder)).toBe(false);
  });

  it.each([
    ['../evil.obj', /holds "\.\.\/evil\.obj", a path outside the zip/],
    ['scan/../../evil.obj', /a path outside the zip/],
    ['/etc/evil.obj', /an absolute path/],
    ['C:\\evil.obj', /an absolute path/],
  ])('refuses an entry named %s before unpacking anything', async (name, message) => {
    const zip = zipSync({ 'scan.obj': text('v 0 0 0\n'), [name]: text('x') });
    await expect(unzip(zip)).rejects.toMatchObject({ code: 'unsafe-path', message: expect.stringMatching(message) });
  });

  it('refuses a symbolic link entry', async () => {
    const zip = patchDirectory(zipSync({ 'scan.obj': text('v 0 0 0\n') }), (view, at) => {
      view.setUint8(at + 5, 3); // made on Unix
      view.setUint32(at + 38, (0o120777 << 16) >>> 0, true);
    });
    await expect(unzip(zip)).rejects.toMatchObject({
      code: 'unsafe-path',
      message: expect.stringMatching(/symbolic link/),
    });
  });

  it('refuses declared sizes over the limit before inflating', async () => {
    const zip = patchDirectory(zipSync({ 'scan.obj': text('v 0 0 0\n'), 'big.png': text('x') }), (view, at) =>
      view.setUint32(at + 24, 0xffffffff, true),
    );
    await expect(unzip(zip)).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/would unpack to 8\.0 GB, over the 4\.0 GB limit/),
    });
  });

  it('refuses an entry packed far tighter than any scan file (a zip bomb)', async () => {
    const zip = zipSync({ 'scan.obj': new Uint8Array(8 * 1024 ** 2) }, { level: 9 });
    await expect(unzip(zip)).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/packed \d+:1/),
    });
  });

  it('stops inflating an entry that holds more than it declares', async () => {
    const zip = patchDirectory(zipSync({ 'scan.obj': text('v 0 0 0\n'.repeat(1000)) }), (view, at) =>
      view.setUint32(at + 24, 100, true),
    );
    await expect(unzip(zip)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/holds more in scan\.obj than it declares/),
    });
  });

  it('applies a total limit set by the caller', async () => {
    const zip = zipSync({ 'scan.obj': text('v 0 0 0\n'.repeat(1000)) });
    const limits = { ...ZIP_DEFAULTS, maxTotalBytes: 10_000, ratioCheckAboveBytes: Infinity };
    await expect(unzip(zip, limits)).resolves.toMatchObject({ entry: 'scan.obj' });
    await expect(unzip(zip, { ...limits, maxTotalBytes: 7_999 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses more files than the limit, from the count the zip declares', async () => {
    const zip = zipSync({ 'scan.obj': text('v 0 0 0\n'), 'a.png': text('a'), 'b.png': text('b') });
    await expect(unzip(zip, { ...ZIP_DEFAULTS, maxEntries: 2 })).rejects.toMatchObject({
      code: 'too-large',
      message: expect.stringMatching(/^scan\.zip holds 3 files, more than a scan needs;/),
    });
  });

  it('asks for one scan at a time, and says when there is none', async () => {
    const two = zipSync({ 'a.obj': text('v 0 0 0\n'), 'b.ply': text('ply\n') });
    await expect(unzip(two)).rejects.toMatchObject({
      message: 'scan.zip holds 2 scans (a.obj, b.ply); zip one scan at a time, with its own textures',
    });
    await expect(unzip(zipSync({ 'notes.txt': text('hello') }))).rejects.toMatchObject({ code: 'no-geometry' });
  });

  it('refuses a file that is not a zip', async () => {
    await expect(unzip(text('not a zip at all, just some words'))).rejects.toMatchObject({ code: 'corrupt' });
  });
});
