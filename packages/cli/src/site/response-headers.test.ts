import { describe, expect, it } from 'vitest';
import { cacheControlFor, contentTypeFor } from './response-headers.js';

describe('contentTypeFor', () => {
  it.each([
    ['mobile.glb', 'model/gltf-binary'],
    ['ar.usdz', 'model/vnd.usdz+zip'],
    ['vr.glb', 'model/gltf-binary'],
    ['texture.ktx2', 'image/ktx2'],
    ['poster.webp', 'image/webp'],
    ['draco_decoder.wasm', 'application/wasm'],
    ['index.json', 'application/json; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-AbCd1234.js', 'text/javascript; charset=utf-8'],
    ['captions.vtt', 'text/vtt; charset=utf-8'],
    ['POSTER.WEBP', 'image/webp'],
    ['no-extension', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

describe('cacheControlFor', () => {
  it('keeps hashed build assets for a year', () => {
    expect(cacheControlFor('assets/index-B3xk_9Qa.js')).toBe('public, max-age=31536000, immutable');
  });
  it('revalidates pages, manifests, annotations and the service worker every time', () => {
    for (const file of ['index.html', 'collection/index.json', 'collection/amphora/annotations.json', 'sw.js']) {
      expect(cacheControlFor(file)).toBe('no-cache');
    }
  });
  it('keeps files named by their content for a year: derivatives, posters and annotation media', () => {
    for (const file of [
      'collection/amphora/mobile.3f2a9c01b7de.glb',
      'amphora/ar.0123456789ab.usdz',
      'collection/amphora/poster.a1b2c3d4e5f6.webp',
      'collection/amphora/images/lid.00ff00ff00ff.svg',
      'collection/amphora/tap.en.abcdefabcdef.vtt',
    ]) {
      expect(cacheControlFor(file), file).toBe('public, max-age=31536000, immutable');
    }
  });
  it('keeps files of a collection ingested before names carried hashes for an hour', () => {
    expect(cacheControlFor('collection/amphora/mobile.glb')).toBe('public, max-age=3600');
    expect(cacheControlFor('collection/amphora/poster.webp')).toBe('public, max-age=3600');
    // Not a content hash: too short, upper case, or not hex.
    for (const file of [
      'amphora/mobile.3f2a9c01.glb',
      'amphora/mobile.3F2A9C01B7DE.glb',
      'amphora/v.2024-05-01ab.glb',
    ]) {
      expect(cacheControlFor(file), file).toBe('public, max-age=3600');
    }
    // A file in a folder named assets without a hash is not immutable.
    expect(cacheControlFor('collection/assets/logo.png')).toBe('public, max-age=3600');
  });
});
