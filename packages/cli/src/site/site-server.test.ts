import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSiteServer } from './site-server.js';

let folder: string;
let origin: string;
let close: () => Promise<void>;
const GLB = Buffer.from(Array.from({ length: 1000 }, (_, index) => index % 256));

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vitrine-site-'));
  const app = path.join(folder, 'app');
  const collection = path.join(folder, 'collection');
  await mkdir(path.join(app, 'assets'), { recursive: true });
  await mkdir(path.join(collection, 'amphora'), { recursive: true });
  await mkdir(path.join(collection, '.staging-amphora'), { recursive: true });
  await writeFile(path.join(app, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(app, 'assets', 'index-AbCd1234.js'), 'export {};');
  await writeFile(path.join(collection, 'index.json'), '{"schemaVersion":1,"artefacts":[]}');
  await writeFile(path.join(collection, 'amphora', 'mobile.glb'), GLB);
  await writeFile(path.join(collection, 'amphora', 'ar.usdz'), 'usdz');
  await writeFile(path.join(collection, '.staging-amphora', 'mobile.glb'), 'half written');
  await writeFile(path.join(folder, 'secret.txt'), 'outside');
  await mkdir(path.join(folder, 'private'));
  await writeFile(path.join(folder, 'private', 'notes.txt'), 'outside, in a folder');
  // Links a collection from anyone may hold: to a file out of it, absolute and relative,
  // to a folder out of it, as a folder's index.html; and one that stays inside.
  await symlink(path.join(folder, 'secret.txt'), path.join(collection, 'amphora', 'poster.webp'));
  await symlink('../../secret.txt', path.join(collection, 'amphora', 'notes.txt'));
  await symlink(path.join(folder, 'private'), path.join(collection, 'amphora', 'images'));
  await mkdir(path.join(collection, 'room'));
  await symlink(path.join(folder, 'secret.txt'), path.join(collection, 'room', 'index.html'));
  await symlink(path.join(folder, 'secret.txt'), path.join(app, 'assets', 'leak-AbCd1234.js'));
  await symlink('mobile.glb', path.join(collection, 'amphora', 'alias.glb'));
  const server = createSiteServer({ app, collection }, async (request, response) => {
    if (!request.url?.startsWith('/api/')) return false;
    response.writeHead(204).end();
    return true;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});

afterAll(async () => {
  await close();
  await rm(folder, { recursive: true, force: true });
});

describe('the site server', () => {
  it('serves the app at / with a page that is always revalidated', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('keeps hashed assets for a year', async () => {
    const response = await fetch(`${origin}/assets/index-AbCd1234.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('serves the collection under /collection/ with the types AR viewers need', async () => {
    const usdz = await fetch(`${origin}/collection/amphora/ar.usdz`);
    expect(usdz.headers.get('content-type')).toBe('model/vnd.usdz+zip');
    const glb = await fetch(`${origin}/collection/amphora/mobile.glb`);
    expect(glb.headers.get('content-type')).toBe('model/gltf-binary');
    expect(glb.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(glb.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await glb.arrayBuffer()).equals(GLB)).toBe(true);
    const index = await fetch(`${origin}/collection/index.json`);
    expect(index.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers byte ranges, suffix ranges included, and refuses ranges past the end', async () => {
    const first = await fetch(`${origin}/collection/amphora/mobile.glb`, { headers: { range: 'bytes=10-19' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect([...new Uint8Array(await first.arrayBuffer())]).toEqual([...GLB.subarray(10, 20)]);
    const last = await fetch(`${origin}/collection/amphora/mobile.glb`, { headers: { range: 'bytes=-4' } });
    expect(last.status).toBe(206);
    expect([...new Uint8Array(await last.arrayBuffer())]).toEqual([...GLB.subarray(996)]);
    const past = await fetch(`${origin}/collection/amphora/mobile.glb`, { headers: { range: 'bytes=2000-' } });
    expect(past.status).toBe(416);
  });

  it('answers a conditional request with 304', async () => {
    const first = await fetch(`${origin}/collection/amphora/mobile.glb`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    // Not with fetch: it adds "cache-control: no-cache" to conditional requests, as the Fetch standard says.
    const status = await new Promise<number | undefined>((resolve, reject) =>
      get(`${origin}/collection/amphora/mobile.glb`, { headers: { 'if-none-match': etag } }, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject),
    );
    expect(status).toBe(304);
  });

  it('never serves staging folders, listings or files out of its folders', async () => {
    for (const url of [
      '/collection/.staging-amphora/mobile.glb',
      '/collection/',
      '/collection/amphora/',
      '/collection/../secret.txt',
      '/collection/%2e%2e/secret.txt',
      '/collection/..%2fsecret.txt',
      '/..%2fsecret.txt',
    ]) {
      const response = await fetch(`${origin}${url}`);
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('outside');
    }
  });

  it('answers 404 for a file that is, or is reached through, a symbolic link out of its folder', async () => {
    for (const url of [
      '/collection/amphora/poster.webp',
      '/collection/amphora/notes.txt',
      '/collection/amphora/images/notes.txt',
      '/collection/amphora/images/',
      '/collection/room/',
      '/collection/room/index.html',
      '/assets/leak-AbCd1234.js',
    ]) {
      for (const method of ['GET', 'HEAD']) {
        const response = await fetch(`${origin}${url}`, { method });
        expect(response.status, `${method} ${url}`).toBe(404);
        expect(await response.text(), url).not.toContain('outside');
      }
    }
  });

  it('follows a symbolic link that stays inside the collection', async () => {
    const response = await fetch(`${origin}/collection/amphora/alias.glb`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(GLB)).toBe(true);
  });

  it('sends API requests to the API handler and refuses other methods on files', async () => {
    expect((await fetch(`${origin}/api/anything`, { method: 'PUT' })).status).toBe(204);
    const response = await fetch(`${origin}/collection/index.json`, { method: 'DELETE' });
    expect(response.status).toBe(405);
  });
});
