import type { Material, Texture, TextureInfo } from '@gltf-transform/core';
import type { Transform } from '@gltf-transform/extensions';

/** `u' = a·u + b·v + c`, `v' = d·u + e·v + f`, in glTF's UV space. */
export type UvAffine = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

/** A material's texture slots, in the order that decides whose UV transform is baked. */
export function textureSlots(material: Material): { texture: Texture | null; info: TextureInfo | null }[] {
  return [
    { texture: material.getBaseColorTexture(), info: material.getBaseColorTextureInfo() },
    { texture: material.getNormalTexture(), info: material.getNormalTextureInfo() },
    { texture: material.getMetallicRoughnessTexture(), info: material.getMetallicRoughnessTextureInfo() },
    { texture: material.getOcclusionTexture(), info: material.getOcclusionTextureInfo() },
    { texture: material.getEmissiveTexture(), info: material.getEmissiveTextureInfo() },
  ];
}

/** The UV set a slot samples: KHR_texture_transform's texCoord overrides the slot's own. */
export function texCoordOf(info: TextureInfo): number {
  return transformOf(info)?.getTexCoord() ?? info.getTexCoord();
}

/**
 * The UV sets a material samples, each with the KHR_texture_transform to bake into it.
 * We bake the transform into the `st` values instead of writing a UsdTransform2d node:
 * three.js's exporter documents that Quick Look applies UsdTransform2d in a different
 * order than USD specifies (Apple FB10036297, FB11442287), and baked coordinates read the
 * same in every viewer. The cost: one transform per UV set and material; when slots on
 * one set disagree (rare: atlases and quantizers give every slot the same one), the
 * first slot's wins, in the order of `textureSlots`.
 */
export function uvSetsOf(material: Material | null): Map<number, UvAffine | null> {
  const sets = new Map<number, UvAffine | null>();
  if (!material) return sets;
  for (const { texture, info } of textureSlots(material)) {
    if (!texture || !info) continue;
    const texCoord = texCoordOf(info);
    if (!sets.has(texCoord)) sets.set(texCoord, affineOf(transformOf(info)));
  }
  return sets;
}

function transformOf(info: TextureInfo): Transform | null {
  return info.getExtension<Transform>('KHR_texture_transform');
}

/**
 * KHR_texture_transform as an affine map: scale, then rotate, then offset, with the
 * extension's rotation matrix `[[cos, sin], [-sin, cos]]` (counter-clockwise as seen on
 * the image, whose v axis points down).
 */
export function affineOf(transform: Transform | null): UvAffine | null {
  if (!transform) return null;
  const [offsetU, offsetV] = transform.getOffset();
  const [scaleU, scaleV] = transform.getScale();
  const cos = Math.cos(transform.getRotation());
  const sin = Math.sin(transform.getRotation());
  return [cos * scaleU, sin * scaleV, offsetU, -sin * scaleU, cos * scaleV, offsetV];
}

/**
 * glTF UV to USD st: transformed, then V flipped, since glTF's v = 0 is the image's top
 * row and USD's st origin is its bottom-left corner.
 */
export function toSt(u: number, v: number, affine: UvAffine | null, out: [number, number]): [number, number] {
  if (affine) {
    const [a, b, c, d, e, f] = affine;
    out[0] = a * u + b * v + c;
    out[1] = 1 - (d * u + e * v + f);
  } else {
    out[0] = u;
    out[1] = 1 - v;
  }
  return out;
}
