import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { md5OfFile } from './md5-of-file.js';

const folder = mkdtempSync(path.join(tmpdir(), 'vitrine-md5-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('md5OfFile', () => {
  it('is the hex MD5 of the bytes, also for an empty file', async () => {
    writeFileSync(path.join(folder, 'hello.txt'), 'hello world');
    writeFileSync(path.join(folder, 'empty'), '');
    expect(await md5OfFile(path.join(folder, 'hello.txt'))).toBe('5eb63bbbe01eeed093cb22bb8f5acdc3');
    expect(await md5OfFile(path.join(folder, 'empty'))).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});
