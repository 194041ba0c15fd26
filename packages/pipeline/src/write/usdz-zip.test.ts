import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipEntries } from './usdz-test-helpers.js';
import { packUsdz, type UsdzFile } from './usdz-zip.js';

function bytesOf(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

describe('packUsdz', () => {
  it('stores every file uncompressed, in order, its data 64-byte aligned', () => {
    // Name and data lengths chosen so the padding needed is 0, under 4 (an extra field's own header) and more.
    const files: UsdzFile[] = [];
    for (let n = 0; n < 70; n++) {
      files.push({ path: `${'d/'.repeat(n % 3)}f${'x'.repeat(n)}.bin`, bytes: bytesOf((n * 37) % 200, n) });
    }
    files.unshift({ path: 'scene.usda', bytes: new TextEncoder().encode('#usda 1.0\n') });
    const zip = packUsdz(files);
    const entries = readZipEntries(zip);
    expect(entries.map((entry) => entry.name)).toEqual(files.map((file) => file.path));
    for (const [i, entry] of entries.entries()) {
      expect(entry.method).toBe(0);
      expect(entry.dataOffset % 64).toBe(0);
      expect(entry.data).toEqual(files[i]!.bytes);
    }
    // A standard reader (central directory, CRCs) agrees.
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped)).toEqual(files.map((file) => file.path));
    expect(unzipped['scene.usda']).toEqual(files[0]!.bytes);
  });

  it('is byte-identical for identical input', () => {
    const files = [{ path: 'a.usda', bytes: bytesOf(100, 1) }];
    expect(packUsdz(files)).toEqual(packUsdz(files));
  });

  it('refuses duplicate and non-ASCII paths', () => {
    const bytes = bytesOf(4, 0);
    expect(() =>
      packUsdz([
        { path: 'a.png', bytes },
        { path: 'a.png', bytes },
      ]),
    ).toThrow(/unique/);
    expect(() => packUsdz([{ path: 'é.png', bytes }])).toThrow(/ASCII/);
  });
});
