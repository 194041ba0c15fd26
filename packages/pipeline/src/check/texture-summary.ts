import type { Document, Texture } from '@gltf-transform/core';
import { listTextureSlots } from '@gltf-transform/functions';
import type { TextureSummary } from '@vitrine/core';

/** Size, type and material slot of each texture, for the manifest and the ingest report. */
export function summarizeTextures(document: Document): TextureSummary[] {
  return document
    .getRoot()
    .listTextures()
    .map((texture: Texture) => {
      const [width, height] = texture.getSize() ?? [0, 0];
      return {
        width,
        height,
        mimeType: texture.getMimeType(),
        slot: listTextureSlots(texture).join(',') || 'unused',
      };
    });
}
