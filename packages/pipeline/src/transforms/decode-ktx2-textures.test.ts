import { KHRTextureBasisu } from '@gltf-transform/extensions';
import { encodeToKTX2 } from 'ktx2-encoder';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { getIO } from '../io.js';
import { readGltf } from '../read/gltf.js';
import { makeBoxDocument } from '../testing/fixtures.js';

const SIENNA = [0xa0, 0x52, 0x2d];

async function ktx2Of(width: number, height: number): Promise<Uint8Array> {
  const png = await sharp({ create: { width, height, channels: 4, background: '#a0522d' } })
    .png()
    .toBuffer();
  return encodeToKTX2(new Uint8Array(png), {
    isUASTC: false,
    generateMipmap: false,
    imageDecoder: async (bytes: Uint8Array) => {
      const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data: new Uint8Array(data), width: info.width, height: info.height };
    },
  });
}

describe('decodeKtx2Textures (through readGltf)', () => {
  it('turns a KTX2 (Basis) texture back into PNG pixels and drops KHR_texture_basisu', async () => {
    const { document } = makeBoxDocument({ segments: 1 });
    document.createExtension(KHRTextureBasisu).setRequired(true);
    const texture = document
      .createTexture('colour')
      .setMimeType('image/ktx2')
      .setImage(await ktx2Of(64, 32));
    document.getRoot().listMaterials()[0]!.setBaseColorTexture(texture);
    const glb = await (await getIO()).writeBinary(document);

    const read = await readGltf('scan.glb', glb);
    const [decoded] = read.getRoot().listTextures();
    expect(decoded!.getMimeType()).toBe('image/png');
    expect(decoded!.getSize()).toEqual([64, 32]);
    const { data } = await sharp(decoded!.getImage()!).raw().toBuffer({ resolveWithObject: true });
    for (let channel = 0; channel < 3; channel++) expect(Math.abs(data[channel]! - SIENNA[channel]!)).toBeLessThan(8);
    expect(
      read
        .getRoot()
        .listExtensionsUsed()
        .map((extension) => extension.extensionName),
    ).not.toContain('KHR_texture_basisu');
  });
});
