import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInsideFolder } from './safe-path.js';

const folder = mkdtempSync(path.join(tmpdir(), 'vitrine-safe-'));
mkdirSync(path.join(folder, 'textures'));
writeFileSync(path.join(folder, '50%.jpg'), '');
writeFileSync(path.join(folder, 'my scan.bin'), '');
symlinkSync('/etc/hostname', path.join(folder, 'link.jpg'));

describe('resolveInsideFolder', () => {
  it('decodes glTF URIs and takes OBJ/MTL/PLY names as written', async () => {
    expect(await resolveInsideFolder(folder, 'my%20scan.bin', 'scan.gltf', 'uri')).toBe(
      path.join(folder, 'my scan.bin'),
    );
    expect(await resolveInsideFolder(folder, '50%.jpg', 'scan.mtl')).toBe(path.join(folder, '50%.jpg'));
    expect(await resolveInsideFolder(folder, 'textures\\colour.jpg', 'scan.mtl')).toBe(
      path.join(folder, 'textures/colour.jpg'),
    );
  });

  it('refuses URLs, absolute paths, climbing out, and links that lead out', async () => {
    const refusals: [string, RegExp][] = [
      ['https://example.org/x.jpg', /a URL/],
      ['/etc/passwd', /an absolute path/],
      ['C:\\scans\\x.jpg', /an absolute path/],
      ['../secret.jpg', /outside the scan folder/],
      ['textures/../../secret.jpg', /outside the scan folder/],
      ['link.jpg', /a link to a file outside/],
    ];
    for (const [reference, reason] of refusals) {
      await expect(resolveInsideFolder(folder, reference, 'scan.mtl'), reference).rejects.toThrow(reason);
    }
    await expect(resolveInsideFolder(folder, '%2e%2e/secret.jpg', 'scan.gltf', 'uri')).rejects.toThrow(/outside/);
  });
});
