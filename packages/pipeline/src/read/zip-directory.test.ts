import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cp437, writeTestZip, type TestZipEntry } from '../testing/zip-writer.js';
import { readScan } from './index.js';
import { onlyPrimitive, scanFolder, tinyImage, triangleCount } from './test-fixtures.js';
import { openZip } from './zip-directory.js';

const text = (value: string) => new TextEncoder().encode(value);
const BUSTE_OBJ = ['mtllib Büste.mtl', 'v 0 0 0', 'v 1 0 0', 'v 1 1 0', 'vt 0 0', 'usemtl stone', 'f 1/1 2/1 3/1'];

async function zipOnDisk(entries: readonly TestZipEntry[], options?: { zip64?: boolean }): Promise<string> {
  const folder = await scanFolder({ 'Büste.zip': writeTestZip(entries, options) });
  return path.join(folder, 'Büste.zip');
}

async function entryNames(file: string): Promise<string[]> {
  const zip = await openZip(file);
  try {
    return (await zip.listEntries()).map((entry) => entry.name);
  } finally {
    zip.close();
  }
}

/** A bust as Windows Explorer zips it: names in the PC's code page (CP437), no UTF-8 flag. */
async function bustEntries(name: (value: string) => string | Uint8Array): Promise<TestZipEntry[]> {
  return [
    { name: name('Büste.obj'), data: text(BUSTE_OBJ.join('\n')), deflate: true },
    { name: name('Büste.mtl'), data: text('newmtl stone\nmap_Kd Büste.jpg\n'), deflate: true },
    { name: name('Büste.jpg'), data: await tinyImage('jpeg') },
  ];
}

describe('openZip', () => {
  it('decodes names without the UTF-8 flag as CP437, and flagged names as UTF-8', async () => {
    const file = await zipOnDisk([
      { name: cp437('Büste.obj'), data: text('v 0 0 0\n') },
      { name: 'Gefäß/Büste.jpg', data: text('x') },
    ]);
    expect(await entryNames(file)).toEqual(['Büste.obj', 'Gefäß/Büste.jpg']);
  });

  it('reads the sizes of a zip64 archive from its zip64 records', async () => {
    const data = text('v 0 0 0\n'.repeat(100));
    const zip = await openZip(await zipOnDisk([{ name: 'scan.obj', data, deflate: true }], { zip64: true }));
    try {
      expect(zip.entryCount).toBe(1);
      expect(await zip.listEntries()).toMatchObject([{ name: 'scan.obj', method: 8, size: data.length }]);
    } finally {
      zip.close();
    }
  });
});

describe('readScan of zips from other tools', () => {
  it('keeps the texture of a zip whose names are in CP437 (Windows Explorer)', async () => {
    const scan = await readScan(await zipOnDisk(await bustEntries(cp437)));
    expect(scan).toMatchObject({ format: 'obj', zipEntry: 'Büste.obj', warnings: [] });
    expect(onlyPrimitive(scan.document).getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/jpeg');
  });

  it('keeps the texture of a zip whose names are flagged UTF-8 (macOS, 7-Zip)', async () => {
    const scan = await readScan(await zipOnDisk(await bustEntries((name) => name)));
    expect(scan.warnings).toEqual([]);
    expect(onlyPrimitive(scan.document).getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/jpeg');
  });

  it('reads a zip64 archive, stored and deflated entries alike', async () => {
    const entries = await bustEntries((name) => name);
    const scan = await readScan(await zipOnDisk(entries, { zip64: true }));
    expect(scan.warnings).toEqual([]);
    expect(triangleCount(onlyPrimitive(scan.document))).toBe(1);
    expect(onlyPrimitive(scan.document).getMaterial()!.getBaseColorTexture()?.getMimeType()).toBe('image/jpeg');
  });
});
