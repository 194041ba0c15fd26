import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChromiumNotFound, findChromium } from './find-chromium.js';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it is an executable', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'chromium-'));
    const fake = path.join(folder, 'chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(findChromium({ CHROMIUM_PATH: fake })).toBe(fake);
  });

  it('refuses a CHROMIUM_PATH that is not executable, naming it', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(ChromiumNotFound);
    expect(() => findChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow('/nonexistent/chromium');
  });
});
