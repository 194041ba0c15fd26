import {
  PropertyType,
  type Document,
  type Material,
  type Primitive,
  type TextureInfo,
  type Transform,
} from '@gltf-transform/core';
import type { Transform as TextureTransform } from '@gltf-transform/extensions';
import { createTransform, listTextureInfoByMaterial } from '@gltf-transform/functions';

const NAME = 'renumberTexCoords';

export interface RenumberTexCoordsOptions {
  /** Receives the number of primitives whose sets were renumbered, for the scan report. */
  onRenumbered?: (primitives: number) => void;
}

/** Old set number → new one, for the sets of one primitive that move. */
type SetMap = Map<number, number>;

/**
 * Renumbers a primitive's texture coordinate sets to start at TEXCOORD_0 and run without
 * gaps (TEXCOORD_1 alone becomes TEXCOORD_0), as glTF requires and viewers assume: three.js
 * reads `uv` from TEXCOORD_0 and would draw such a scan untextured. The materials follow,
 * so each texture still samples the set it did. A material shared with primitives that
 * number their sets otherwise is copied rather than changed under them.
 */
export function renumberTexCoords(options: RenumberTexCoordsOptions = {}): Transform {
  return createTransform(NAME, (document: Document) => {
    const moved = new Map<Primitive, SetMap>();
    for (const mesh of document.getRoot().listMeshes()) {
      for (const primitive of mesh.listPrimitives()) {
        const sets = renumbering(primitive);
        if (!sets) continue;
        renameSets(primitive, sets);
        moved.set(primitive, sets);
      }
    }
    for (const material of new Set([...moved.keys()].map((primitive) => primitive.getMaterial()))) {
      if (material) followRenumbering(material, moved);
    }
    options.onRenumbered?.(moved.size);
  });
}

/** The moves that make the primitive's sets 0, 1, 2…, or undefined where they already are. */
function renumbering(primitive: Primitive): SetMap | undefined {
  const numbers = primitive
    .listSemantics()
    .map((semantic) => /^TEXCOORD_(\d+)$/.exec(semantic)?.[1])
    .filter((number) => number !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  if (numbers.every((number, index) => number === index)) return undefined;
  return new Map(numbers.map((number, index) => [number, index]));
}

function renameSets(primitive: Primitive, sets: SetMap): void {
  for (const target of [primitive, ...primitive.listTargets()]) {
    // All taken off before any is put back: TEXCOORD_2 → 1 must not overwrite a 1 → 0 still to move.
    const taken = [...sets.keys()].map((from) => [from, target.getAttribute(`TEXCOORD_${from}`)] as const);
    for (const [from] of taken) target.setAttribute(`TEXCOORD_${from}`, null);
    for (const [from, accessor] of taken) if (accessor) target.setAttribute(`TEXCOORD_${sets.get(from)!}`, accessor);
  }
}

/**
 * Points the material's texture slots at the new set numbers. Users that number their
 * sets alike share one material; each other numbering gets a copy of its own.
 */
function followRenumbering(material: Material, moved: Map<Primitive, SetMap>): void {
  const byNumbering = new Map<string, { sets: SetMap | undefined; users: Primitive[] }>();
  for (const parent of material.listParents()) {
    if (parent.propertyType !== PropertyType.PRIMITIVE) continue;
    const user = parent as Primitive;
    const sets = moved.get(user);
    const key = sets ? JSON.stringify([...sets]) : 'unchanged';
    const group = byNumbering.get(key) ?? { sets, users: [] };
    group.users.push(user);
    byNumbering.set(key, group);
  }
  let keepOriginal = byNumbering.has('unchanged');
  for (const { sets, users } of byNumbering.values()) {
    if (!sets) continue;
    const target = keepOriginal ? cloneMaterial(material) : material;
    keepOriginal = true;
    for (const info of listTextureInfoByMaterial(target)) renumberTextureInfo(info, sets);
    for (const user of users) user.setMaterial(target);
  }
}

function renumberTextureInfo(info: TextureInfo, sets: SetMap): void {
  info.setTexCoord(sets.get(info.getTexCoord()) ?? info.getTexCoord());
  // KHR_texture_transform may name a set of its own, which wins over the slot's.
  const transform = info.getExtension<TextureTransform>('KHR_texture_transform');
  const own = transform?.getTexCoord();
  if (transform && own !== null && own !== undefined) transform.setTexCoord(sets.get(own) ?? own);
}

/**
 * A copy whose texture slots can change without touching the original. Material.clone()
 * copies its own slots but shares extension objects (clearcoat, sheen…, and a slot's
 * KHR_texture_transform) by reference, so those are cloned too.
 */
function cloneMaterial(material: Material): Material {
  const copy = material.clone();
  for (const extension of copy.listExtensions()) copy.setExtension(extension.extensionName, extension.clone());
  for (const info of listTextureInfoByMaterial(copy)) {
    for (const extension of info.listExtensions()) info.setExtension(extension.extensionName, extension.clone());
  }
  return copy;
}
