import { describe, expect, it } from 'vitest';
import { makeBoxDocument } from '../testing/fixtures.js';
import { checkImageSizes } from './check-image-sizes.js';

/** A PNG signature and IHDR chunk claiming any size: enough for a header reader, no pixels. */
function pngHeaderClaiming(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, 13);
  bytes.set([0x49, 0x48, 0x44, 0x52], 12); // IHDR
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 6, 0, 0, 0], 24);
  return bytes;
}

function documentWithImage(image: Uint8Array) {
  const { document } = makeBoxDocument({ segments: 1 });
  const texture = document.createTexture('Scan colour').setMimeType('image/png').setImage(image).setURI('colour.png');
  document.getRoot().listMaterials()[0]!.setBaseColorTexture(texture);
  return document;
}

describe('checkImageSizes', () => {
  it('refuses a header claiming 100000×100000 pixels from the header alone, naming the image', () => {
    const document = documentWithImage(pngHeaderClaiming(100_000, 100_000));
    expect(() => checkImageSizes(document, 'scan.gltf')).toThrow(/colour\.png is 100000×100000 pixels/);
  });

  it('accepts a 16k scan texture', () => {
    expect(() => checkImageSizes(documentWithImage(pngHeaderClaiming(16_384, 16_384)), 'scan.gltf')).not.toThrow();
  });

  it('refuses an image whose header cannot be read', () => {
    const document = documentWithImage(new TextEncoder().encode('not an image at all'));
    expect(() => checkImageSizes(document, 'scan.gltf')).toThrow(/not an image vitrine can read/);
  });
});
