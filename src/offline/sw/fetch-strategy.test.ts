import { describe, expect, it } from 'vitest';
import { fetchStrategy, isAppRoute, isCacheable, type RequestFacts } from './fetch-strategy.js';

const ORIGIN = 'https://museum.example';
const SERVED = {
  origin: ORIGIN,
  shellUrls: new Set([`${ORIGIN}/kiosk/index.html`, `${ORIGIN}/kiosk/assets/xr-profiles/profilesList.json`]),
  collectionFolder: `${ORIGIN}/kiosk/collection/`,
};
const get = (url: string, facts: Partial<RequestFacts> = {}): RequestFacts => ({
  method: 'GET',
  url,
  mode: 'cors',
  headers: new Headers(),
  ...facts,
});

describe('fetchStrategy', () => {
  it('loads pages from the network first', () => {
    expect(fetchStrategy(get(`${ORIGIN}/kiosk/?artefact=amphora`, { mode: 'navigate' }), SERVED)).toBe('navigation');
  });

  it('reads the collection JSON from the network first, and built files from the cache', () => {
    expect(fetchStrategy(get(`${ORIGIN}/kiosk/collection/index.json`), SERVED)).toBe('network-first');
    expect(fetchStrategy(get(`${ORIGIN}/kiosk/collection/amphora/artefact.json`), SERVED)).toBe('network-first');
    expect(fetchStrategy(get(`${ORIGIN}/kiosk/assets/xr-profiles/profilesList.json`), SERVED)).toBe('cache-first');
  });

  it('reads derivatives, posters and media from the cache first, hashed names or not', () => {
    for (const file of [
      'mobile.glb',
      'poster.webp',
      'tap.wav',
      'mobile.3f2a9c01b7de.glb',
      'media/tap.0123456789ab.vtt',
    ]) {
      expect(fetchStrategy(get(`${ORIGIN}/kiosk/collection/amphora/${file}`), SERVED)).toBe('cache-first');
    }
  });

  it('leaves other hosts, other methods, files it does not keep and conditional requests to the network', () => {
    expect(fetchStrategy(get('https://cdn.example/draco.wasm'), SERVED)).toBe('passthrough');
    expect(fetchStrategy(get(`${ORIGIN}/favicon.ico`), SERVED)).toBe('passthrough');
    expect(
      fetchStrategy(get(`${ORIGIN}/kiosk/collection/index.json`), { ...SERVED, collectionFolder: undefined }),
    ).toBe('passthrough');
    expect(fetchStrategy(get(`${ORIGIN}/api/annotations`, { method: 'POST' }), SERVED)).toBe('passthrough');
    const revalidation = (header: string) =>
      get(`${ORIGIN}/kiosk/collection/a/mobile.glb`, { headers: new Headers({ [header]: 'W/"1-2"' }) });
    expect(fetchStrategy(revalidation('If-None-Match'), SERVED)).toBe('passthrough');
    expect(fetchStrategy(revalidation('If-Modified-Since'), SERVED)).toBe('passthrough');
  });
});

describe('isAppRoute', () => {
  const scope = `${ORIGIN}/kiosk/`;
  it('is the app folder or its index.html, whatever the query', () => {
    expect(isAppRoute(`${ORIGIN}/kiosk/`, scope)).toBe(true);
    expect(isAppRoute(`${ORIGIN}/kiosk/?artefact=amphora&kiosk`, scope)).toBe(true);
    expect(isAppRoute(`${ORIGIN}/kiosk/index.html?q=bronze`, scope)).toBe(true);
    expect(isAppRoute(`${ORIGIN}/kiosk/collection/amphora/poster.webp`, scope)).toBe(false);
  });
});

describe('isCacheable', () => {
  it('keeps complete answers only', () => {
    expect(isCacheable(new Response('x'))).toBe(false); // a constructed response has type "default"
    expect(isCacheable({ status: 200, type: 'basic' } as Response)).toBe(true);
    expect(isCacheable({ status: 206, type: 'basic' } as Response)).toBe(false);
    expect(isCacheable({ status: 0, type: 'opaque' } as Response)).toBe(false);
  });
});
