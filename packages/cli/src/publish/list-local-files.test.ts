import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHiddenPath, listLocalFiles } from './list-local-files.js';

let folder: string;
let outside: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'vitrine-local-files-'));
  // Beside the folder, as a curator's home or /etc would be.
  outside = mkdtempSync(path.join(tmpdir(), 'vitrine-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'not for the bucket');
  mkdirSync(path.join(folder, 'amphora'));
  mkdirSync(path.join(folder, '.git'));
  mkdirSync(path.join(folder, 'Ölkrug'.normalize('NFD')));
  writeFileSync(path.join(folder, 'index.json'), '{}');
  writeFileSync(path.join(folder, 'amphora', 'mobile.glb'), 'glb!');
  writeFileSync(path.join(folder, 'amphora', '.mobile.glb.0a1b2c.tmp'), 'half');
  writeFileSync(path.join(folder, '.DS_Store'), 'x');
  writeFileSync(path.join(folder, '.git', 'HEAD'), 'ref');
  writeFileSync(path.join(folder, 'Ölkrug'.normalize('NFD'), 'poster.webp'), 'webp');
  symlinkSync(folder, path.join(folder, 'amphora', 'loop'));
});

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('listLocalFiles', () => {
  it('lists files by site path with sizes, leaving out dot-names at any depth and not looping on links', async () => {
    const files = await listLocalFiles(folder);
    expect(files.map(({ sitePath, size }) => ({ sitePath, size }))).toEqual([
      { sitePath: 'amphora/mobile.glb', size: 4 },
      { sitePath: 'index.json', size: 2 },
      { sitePath: 'Ölkrug/poster.webp'.normalize('NFC'), size: 4 },
    ]);
    expect(files[0]!.absolutePath).toBe(path.join(folder, 'amphora', 'mobile.glb'));
  });
});

describe('listLocalFiles and symbolic links', () => {
  it('follows links that stay inside the folder, and leaves out and reports those that lead out of it', async () => {
    const linked = mkdtempSync(path.join(tmpdir(), 'vitrine-links-'));
    try {
      mkdirSync(path.join(linked, 'amphora'));
      writeFileSync(path.join(linked, 'amphora', 'mobile.0123456789ab.glb'), 'glb!');
      symlinkSync(path.join(linked, 'amphora', 'mobile.0123456789ab.glb'), path.join(linked, 'amphora', 'alias.glb'));
      symlinkSync(path.join(outside, 'secret.txt'), path.join(linked, 'amphora', 'poster.webp'));
      symlinkSync(outside, path.join(linked, 'outside-folder'));
      // Relative, and through a link inside the folder: still out.
      symlinkSync('../outside-folder/secret.txt', path.join(linked, 'amphora', 'notes.txt'));
      const reported: string[] = [];
      const files = await listLocalFiles(linked, (sitePath) => reported.push(sitePath));
      expect(files.map((file) => file.sitePath)).toEqual(['amphora/alias.glb', 'amphora/mobile.0123456789ab.glb']);
      expect(reported.sort()).toEqual(['amphora/notes.txt', 'amphora/poster.webp', 'outside-folder']);
    } finally {
      rmSync(linked, { recursive: true, force: true });
    }
  });
});

describe('isHiddenPath', () => {
  it('is true when any segment starts with a dot', () => {
    expect(isHiddenPath('.DS_Store')).toBe(true);
    expect(isHiddenPath('a/.git/HEAD')).toBe(true);
    expect(isHiddenPath('a/b.c/d.glb')).toBe(false);
  });
});
