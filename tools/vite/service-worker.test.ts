import { describe, expect, it } from 'vitest';
import { precacheManifest } from './service-worker.js';

const file = (fileName: string, content: string | Uint8Array = fileName) => ({ fileName, content });

describe('precacheManifest', () => {
  it('lists every built file, sorted, but not the worker, source maps or Vite manifests', () => {
    const manifest = precacheManifest(
      [
        file('index.html'),
        file('assets/index-AbCdEf12.js'),
        file('assets/index-AbCdEf12.js.map'),
        file('assets/draco_decoder-Z1_iN-Ht.wasm', new Uint8Array([0, 97, 115, 109])),
        file('.vite/manifest.json'),
        file('sw.js'),
      ],
      'sw.js',
    );
    expect(manifest.files).toEqual(['assets/draco_decoder-Z1_iN-Ht.wasm', 'assets/index-AbCdEf12.js', 'index.html']);
    expect(manifest.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives a new version when any file changes, and the same for the same files in any order', () => {
    const a = precacheManifest([file('index.html', 'a'), file('assets/x-12345678.js')], 'sw.js');
    const b = precacheManifest([file('assets/x-12345678.js'), file('index.html', 'a')], 'sw.js');
    const c = precacheManifest([file('index.html', 'b'), file('assets/x-12345678.js')], 'sw.js');
    expect(b.version).toBe(a.version);
    expect(c.version).not.toBe(a.version);
  });
});
