import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document, Material } from '@gltf-transform/core';
import { srgbToLinear } from './color.js';
import { parseMtl, type MtlMaterial } from './mtl.js';
import type { Warn } from './reader.js';
import { resolveInsideFolder } from './safe-path.js';
import { createScanMaterial } from './scan-document.js';
import { channelCount, createTextureLoader, type TextureLoader } from './texture.js';

/** An MTL material and the .mtl it came from, which its texture names are relative to. */
interface MaterialSource {
  material: MtlMaterial;
  mtlFile: string;
}

/**
 * Reads every `mtllib` of an OBJ. A missing library is a warning: the mesh is read without
 * its materials. The spec lets one statement name several files, and tools write names with
 * spaces; the whole value is tried as one name first, then word by word.
 */
export async function loadMaterialLibraries(
  libraries: readonly string[],
  objFile: string,
  warn: Warn,
): Promise<Map<string, MaterialSource>> {
  const sources = new Map<string, MaterialSource>();
  const folder = path.dirname(objFile);
  for (const library of new Set(libraries)) {
    const candidates = [library, ...(library.includes(' ') ? library.split(/\s+/) : [])];
    let found = false;
    for (const candidate of candidates) {
      const mtlFile = await resolveInsideFolder(folder, candidate, objFile);
      if (!(await isFile(mtlFile))) continue;
      for (const material of parseMtl(new Uint8Array(await readFile(mtlFile)), path.basename(mtlFile)).values()) {
        if (!sources.has(material.name)) sources.set(material.name, { material, mtlFile });
      }
      found = true;
      if (candidate === library) break;
    }
    if (!found) {
      warn(
        `${path.basename(objFile)} refers to the material file "${library}", which is missing; the mesh was read without its colours and textures (put the .mtl beside the .obj)`,
      );
    }
  }
  return sources;
}

/**
 * Makes the glTF material for each `usemtl` name, with its textures. Faces before any
 * usemtl, or with a name no .mtl defines, share one plain white material.
 */
export function createObjMaterials(
  document: Document,
  sources: Map<string, MaterialSource>,
  objFile: string,
  warn: Warn,
): (name: string | undefined) => Promise<Material> {
  const loadTexture = createTextureLoader(document, warn);
  const made = new Map<string, Promise<Material>>();
  let plain: Material | undefined;
  return async (name) => {
    const source = name === undefined ? undefined : sources.get(name);
    if (name === undefined || !source) {
      if (name !== undefined && sources.size > 0) {
        warn(
          `${path.basename(objFile)} uses the material "${name}", which its .mtl does not define; it is shown white`,
        );
      }
      return (plain ??= createScanMaterial(document, 'default'));
    }
    let material = made.get(name);
    if (!material) {
      material = materialFromMtl(document, source, loadTexture, warn);
      made.set(name, material);
    }
    return material;
  };
}

async function materialFromMtl(
  document: Document,
  { material: mtl, mtlFile }: MaterialSource,
  loadTexture: TextureLoader,
  warn: Warn,
): Promise<Material> {
  const [r, g, b] = (mtl.diffuseColor ?? [1, 1, 1]).map(srgbToLinear) as [number, number, number];
  const material = createScanMaterial(document, mtl.name, [r, g, b]);
  const baseColor = mtl.diffuseMap && (await loadTexture(mtl.diffuseMap.file, mtlFile));
  if (baseColor) material.setBaseColorTexture(baseColor);
  const normal = mtl.normalMap && (await loadTexture(mtl.normalMap.file, mtlFile));
  if (!normal) return material;
  // A greyscale bump map is a height map; used as a normal map it would look crumpled.
  if ((await channelCount(normal)) > 2) {
    material.setNormalTexture(normal).setNormalScale(mtl.normalMap!.scale);
  } else {
    warn(`${path.basename(mtlFile)}: ${normal.getName()} is a height (bump) map, not a normal map; it was left out`);
  }
  return material;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
