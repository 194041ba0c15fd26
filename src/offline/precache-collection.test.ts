/// <reference types="vite/client" />
// precache-collection.ts uses the viewer, whose modules import assets the Vite way (`?url`).
import type { Artefact, Collection } from '@vitrine/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { precacheCollection } from './precache-collection.js';

const FOLDER = 'https://museum.example/collection/';
const SHA = 'a'.repeat(64);
const DEVICE = { screenWidth: 1000, screenHeight: 800, devicePixelRatio: 1, deviceMemory: 8, saveData: false };

const derivative = (profile: string, url = `${profile}.glb`) => ({
  profile,
  url,
  container: 'glb' as const,
  bytes: 4,
  triangles: 1,
  vertices: 3,
  textures: [],
  sha256: SHA,
});

const artefact = (id: string): Artefact => ({
  schemaVersion: 1,
  id,
  title: { en: id },
  dimensions: { width: 1, height: 1, depth: 1 },
  scale: { factor: 1, basis: 'units' },
  source: {
    file: 'scan.glb',
    format: 'glb',
    bytes: 1,
    sha256: SHA,
    triangles: 1,
    vertices: 3,
    materials: 1,
    textures: [],
  },
  warnings: [],
  derivatives: [derivative('thumb'), derivative('mobile'), derivative('desktop'), derivative('vr')],
  poster: 'poster.webp',
  ingestKey: SHA,
  created: '2026-01-01T00:00:00.000Z',
  generator: 'test',
});

const index = (...ids: string[]): Collection => ({
  schemaVersion: 1,
  artefacts: ids.map((id) => ({
    id,
    title: { en: id },
    manifest: `${id}/artefact.json`,
    poster: `${id}/poster.webp`,
    dimensions: { width: 1, height: 1, depth: 1 },
  })),
});

/** The server: files by URL, each with an ETag; a URL missing is a 404. */
let server: Map<string, string>;
let online: boolean;
/** URLs whose download breaks off, as on a Wi-Fi link that drops in the middle of a precache. */
let dropped: Set<string>;
const requests: { url: string; conditional: boolean }[] = [];

function sameOrigin(body: string | null, init: ResponseInit): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'type', { value: 'basic' }); // fetch's answers are; constructed ones are "default"
  return response;
}

async function fakeFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = String(input);
  const etag = new Headers(init.headers).get('If-None-Match');
  requests.push({ url, conditional: etag !== null });
  if (!online || dropped.has(url)) throw new TypeError('Failed to fetch');
  const body = server.get(url);
  if (body === undefined) return sameOrigin('not found', { status: 404 });
  const current = `"${body.length}-${body.charCodeAt(0)}"`;
  if (etag === current) return sameOrigin(null, { status: 304 });
  return sameOrigin(body, { status: 200, headers: { ETag: current, 'Content-Length': String(body.length) } });
}

/** An in-memory Cache Storage cache. */
function fakeCache() {
  const entries = new Map<string, Response>();
  return {
    entries,
    // As Cache Storage does, a same-origin response comes back as one ("basic").
    match: async (url: string) => {
      const entry = entries.get(url);
      return entry && sameOrigin(await entry.clone().text(), { status: entry.status, headers: entry.headers });
    },
    put: async (url: string, response: Response) => {
      entries.set(url, sameOrigin(await response.text(), { status: 200, headers: response.headers }));
    },
    keys: async () => [...entries.keys()].map((url) => ({ url })),
    delete: async (request: { url: string }) => entries.delete(request.url),
  };
}

let cache: ReturnType<typeof fakeCache>;
const run = () => precacheCollection({ indexUrl: `${FOLDER}index.json`, cacheName: 'test', device: DEVICE });

beforeEach(() => {
  online = true;
  dropped = new Set();
  requests.length = 0;
  cache = fakeCache();
  server = new Map([
    [`${FOLDER}index.json`, JSON.stringify(index('amphora', 'bust'))],
    ...['amphora', 'bust'].flatMap((id): [string, string][] => [
      [`${FOLDER}${id}/artefact.json`, JSON.stringify(artefact(id))],
      ...['poster.webp', 'thumb.glb', 'mobile.glb', 'desktop.glb', 'vr.glb'].map((file): [string, string] => [
        `${FOLDER}${id}/${file}`,
        `${id} ${file}`,
      ]),
    ]),
  ]);
  vi.stubGlobal('fetch', fakeFetch);
  vi.stubGlobal('caches', { open: async () => cache });
  vi.stubGlobal('navigator', {
    get onLine() {
      return online;
    },
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('precacheCollection', () => {
  it('caches the JSON, posters, thumbs and the derivatives this device shows, and counts their bytes', async () => {
    const result = await run();
    expect(result.problems).toEqual([]);
    expect([...cache.entries.keys()].sort()).toEqual(
      [
        'index.json',
        ...['amphora', 'bust'].flatMap((id) =>
          ['artefact.json', 'poster.webp', 'thumb.glb', 'mobile.glb'].map((file) => `${id}/${file}`),
        ),
      ]
        .map((file) => FOLDER + file)
        .sort(),
    );
    expect(result.files).toBe(9);
    expect(result.bytes).toBe([...cache.entries.keys()].reduce((sum, url) => sum + server.get(url)!.length, 0));
  });

  it('revalidates what it has, downloads only what changed, and drops what the collection no longer names', async () => {
    await run();
    server.set(`${FOLDER}amphora/mobile.glb`, 'amphora mobile.glb, re-ingested');
    server.set(`${FOLDER}index.json`, JSON.stringify(index('amphora')));
    requests.length = 0;
    const result = await run();
    expect(result.problems).toEqual([]);
    expect(await (await cache.match(`${FOLDER}amphora/mobile.glb`))!.text()).toBe('amphora mobile.glb, re-ingested');
    expect(requests.filter((request) => request.url.endsWith('.glb')).every((request) => request.conditional)).toBe(
      true,
    );
    expect([...cache.entries.keys()].filter((url) => url.includes('/bust/'))).toEqual([]);
  });

  it('offline, counts what is cached and asks the network for nothing', async () => {
    await run();
    online = false;
    requests.length = 0;
    // The service worker answers the documents from the cache offline; here the cache stands in for it.
    vi.stubGlobal('fetch', async (url: string) => (await cache.match(String(url))) ?? fakeFetch(url));
    const result = await run();
    expect(result).toMatchObject({ files: 9, problems: [] });
    expect(cache.entries.size).toBe(9);
    expect(requests).toEqual([]);
  });

  it('reports a file it cannot get, and then deletes nothing', async () => {
    await run();
    server.delete(`${FOLDER}bust/artefact.json`);
    server.set(`${FOLDER}index.json`, JSON.stringify(index('amphora', 'bust')));
    const result = await run();
    // Read fails; its cached copy stays, and answers offline, until the index drops it.
    expect(result.problems).toEqual([`${FOLDER}bust/artefact.json: answered 404`]);
    expect([...cache.entries.keys()].filter((url) => url.includes('/bust/'))).toHaveLength(4);
  });

  it('after a precache cut short, keeps the documents of the last complete version, which name cached files', async () => {
    await run();
    // Re-ingested: a new mobile derivative under a new, content-hashed name; the link drops before it is in.
    const newMobile = `${FOLDER}amphora/mobile.3f2a9c01b7de.glb`;
    server.set(newMobile, 'amphora mobile, version 2');
    server.set(`${FOLDER}amphora/artefact.json`, JSON.stringify(reingested('amphora', 'mobile.3f2a9c01b7de.glb')));
    dropped.add(newMobile);
    const cut = await run();
    expect(cut.problems).toEqual([`${newMobile}: Failed to fetch`]);
    expect(await cachedMobile('amphora')).toBe('mobile.glb');
    expect(await missingFromCache()).toEqual([]);
    expect(cache.entries.has(`${FOLDER}amphora/mobile.glb`)).toBe(true);

    // The next load finishes the job: the new version whole, the old derivative gone.
    dropped.clear();
    const finished = await run();
    expect(finished.problems).toEqual([]);
    expect(await cachedMobile('amphora')).toBe('mobile.3f2a9c01b7de.glb');
    expect(await missingFromCache()).toEqual([]);
    expect(cache.entries.has(`${FOLDER}amphora/mobile.glb`)).toBe(false);
  });

  it('never asks again for a file named by its content, and revalidates the rest', async () => {
    const hashed = `${FOLDER}amphora/mobile.3f2a9c01b7de.glb`;
    server.set(hashed, 'amphora mobile, version 2');
    server.set(`${FOLDER}amphora/artefact.json`, JSON.stringify(reingested('amphora', 'mobile.3f2a9c01b7de.glb')));
    await run();
    requests.length = 0;
    expect((await run()).problems).toEqual([]);
    expect(requests.filter((request) => request.url === hashed)).toEqual([]);
    expect(requests).toContainEqual({ url: `${FOLDER}amphora/thumb.glb`, conditional: true });
  });
});

/** The artefact as a re-ingest writes it: its mobile derivative under `mobileUrl`. */
function reingested(id: string, mobileUrl: string): Artefact {
  const manifest = artefact(id);
  return {
    ...manifest,
    derivatives: manifest.derivatives.map((entry) =>
      entry.profile === 'mobile' ? derivative('mobile', mobileUrl) : entry,
    ),
  };
}

async function cachedDocument<T>(url: string): Promise<T | undefined> {
  const response = await cache.match(url);
  return response ? (JSON.parse(await response.text()) as T) : undefined;
}

async function cachedMobile(id: string): Promise<string | undefined> {
  const manifest = await cachedDocument<Artefact>(`${FOLDER}${id}/artefact.json`);
  return manifest?.derivatives.find((entry) => entry.profile === 'mobile')?.url;
}

/** What the cached documents name (the index: manifests and posters; manifests: poster, thumb, mobile) and the cache lacks. */
async function missingFromCache(): Promise<string[]> {
  const named: string[] = [];
  const index = await cachedDocument<Collection>(`${FOLDER}index.json`);
  for (const entry of index?.artefacts ?? []) {
    named.push(new URL(entry.manifest, FOLDER).href, new URL(entry.poster!, FOLDER).href);
    const manifestUrl = new URL(entry.manifest, FOLDER).href;
    const manifest = await cachedDocument<Artefact>(manifestUrl);
    const kept = manifest?.derivatives.filter((entry) => ['thumb', 'mobile'].includes(entry.profile)) ?? [];
    named.push(
      ...[manifest?.poster ?? [], ...kept.map((entry) => entry.url)]
        .flat()
        .map((file) => new URL(file, manifestUrl).href),
    );
  }
  return named.filter((url) => !cache.entries.has(url));
}
