import { describe, expect, it } from 'vitest';
import type { RemoteObject } from './list-remote-objects.js';
import { planUpload, type HashedFile } from './plan-upload.js';

function file(sitePath: string, md5: string, size = 10): HashedFile {
  return { sitePath, absolutePath: `/collection/${sitePath}`, size, md5 };
}

function stored(key: string, etag: string, size = 10): [string, RemoteObject] {
  return [key, { key, etag, size }];
}

describe('planUpload', () => {
  const files = [file('index.json', 'aaa'), file('amphora/mobile.glb', 'bbb'), file('amphora/ar.usdz', 'ccc')];

  it('uploads every file to an empty prefix', () => {
    const plan = planUpload(files, new Map(), 'site/');
    expect(plan.uploads.map((upload) => upload.key)).toEqual([
      'site/index.json',
      'site/amphora/mobile.glb',
      'site/amphora/ar.usdz',
    ]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.notInFolder).toEqual([]);
  });

  it('leaves alone what is stored byte for byte, and uploads what differs in bytes or size', () => {
    const remote = new Map([
      stored('site/index.json', 'aaa'),
      stored('site/amphora/mobile.glb', 'bbb', 11),
      stored('site/amphora/ar.usdz', 'old'),
    ]);
    const plan = planUpload(files, remote, 'site/');
    expect(plan.unchanged.map((entry) => entry.key)).toEqual(['site/index.json']);
    expect(plan.uploads.map((entry) => entry.key)).toEqual(['site/amphora/mobile.glb', 'site/amphora/ar.usdz']);
  });

  it('uploads again over a multipart ETag, which is no MD5 of the bytes', () => {
    const plan = planUpload([file('scan.glb', 'aaa')], new Map([stored('scan.glb', 'aaa-2')]), '');
    expect(plan.uploads).toHaveLength(1);
  });

  it('reports objects with no local file, but not folder markers or hidden names', () => {
    const remote = new Map([
      stored('site/index.json', 'aaa'),
      stored('site/vase/mobile.glb', 'ddd'),
      stored('site/amphora/', 'd41d8cd98f00b204e9800998ecf8427e', 0),
      stored('site/.well-known/security.txt', 'eee'),
      stored('site/amphora/old-poster.webp', 'fff'),
    ]);
    const plan = planUpload(files, remote, 'site/');
    expect(plan.notInFolder.map((object) => object.key)).toEqual([
      'site/amphora/old-poster.webp',
      'site/vase/mobile.glb',
    ]);
  });
});
