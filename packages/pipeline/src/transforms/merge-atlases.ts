import {
  PropertyType,
  type Document,
  type Material,
  type Primitive,
  type Texture,
  type Transform,
} from '@gltf-transform/core';
import { createTransform, joinPrimitives } from '@gltf-transform/functions';
import sharp, { type OverlayOptions } from 'sharp';
import { pruneUnused } from './prune-unused.js';

const NAME = 'mergeAtlases';

export interface MergeAtlasesOptions {
  /** Longest side of the merged atlas, in pixels: the profile's texture size. */
  maxSize: number;
  /** Told how many colour atlases became one. */
  onMerged?: (atlases: number) => void;
}

/** Pixels of each cell's edge repeated around it, so that filtering and mip levels do not bleed in a neighbour. */
const GUTTER = 4;
/** UVs this far outside 0–1 still read as the atlas's edge (exporters round); further means tiling. */
const UV_SLACK = 1e-3;

interface Region {
  texture: Texture;
  primitives: Primitive[];
  /** The part of the image the mesh uses, in UV: [u0, v0, u1, v1]. */
  bounds: [number, number, number, number];
}

/**
 * Merges the colour atlases of a photogrammetry export (4–16 of them, one material each)
 * into one, for the small profiles: one texture at the profile's size holds every region
 * the simplified mesh still uses, each cropped to the UVs that reach it, so the bytes go to
 * detail instead of to eight textures shrunk to nothing, and the mesh draws in one call.
 *
 * Merged only where nothing is lost: materials that carry a base colour texture and no
 * other texture (what photogrammetry writes), the same factors and modes, texture
 * coordinates set 0 without transforms, and UVs inside 0–1 (tiling cannot be cropped).
 * Anything else is left as it is. Hand-written: gltf-transform has no atlas packer, and
 * gltfpack's texture work is in its native build only.
 */
export function mergeAtlases(options: MergeAtlasesOptions): Transform {
  return createTransform(NAME, async (document: Document) => {
    const groups = mergeableGroups(document);
    for (const regions of groups) {
      if (regions.length < 2) continue;
      const texture = await packAtlas(document, regions, options.maxSize);
      const material = regions[0]!.primitives[0]!.getMaterial()!.clone().setBaseColorTexture(texture);
      for (const region of regions) {
        for (const primitive of region.primitives) primitive.setMaterial(material);
      }
      options.onMerged?.(regions.length);
    }
    if (groups.some((regions) => regions.length > 1)) {
      await document.transform(
        joinSameMaterial(),
        pruneUnused({ propertyTypes: [PropertyType.MATERIAL, PropertyType.TEXTURE] }),
      );
    }
  });
}

/** Primitives whose materials could share one atlas, by material look, each texture a region. */
function mergeableGroups(document: Document): Region[][] {
  const byLook = new Map<string, Map<Texture, Region>>();
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      const material = primitive.getMaterial();
      const texture = material?.getBaseColorTexture();
      const uvs = primitive.getAttribute('TEXCOORD_0');
      if (!material || !texture || !uvs || !onlyBaseColour(material) || primitive.getMode() !== 4) continue;
      const bounds = uvBounds(uvs.getArray()!);
      if (!bounds) continue;
      const look = lookOf(material);
      const regions = byLook.get(look) ?? new Map<Texture, Region>();
      byLook.set(look, regions);
      const region = regions.get(texture);
      if (region) {
        region.primitives.push(primitive);
        region.bounds = union(region.bounds, bounds);
      } else {
        regions.set(texture, { texture, primitives: [primitive], bounds });
      }
    }
  }
  return [...byLook.values()].map((regions) => [...regions.values()]);
}

function onlyBaseColour(material: Material): boolean {
  const info = material.getBaseColorTextureInfo();
  const others = [
    material.getEmissiveTexture(),
    material.getNormalTexture(),
    material.getOcclusionTexture(),
    material.getMetallicRoughnessTexture(),
  ];
  return (
    others.every((texture) => texture === null) &&
    info?.getTexCoord() === 0 &&
    info.listExtensions().length === 0 &&
    material.listExtensions().length === 0
  );
}

/** What two materials must share to become one: everything but the texture. */
function lookOf(material: Material): string {
  return JSON.stringify([
    material.getBaseColorFactor(),
    material.getMetallicFactor(),
    material.getRoughnessFactor(),
    material.getAlphaMode(),
    material.getAlphaCutoff(),
    material.getDoubleSided(),
  ]);
}

function uvBounds(uvs: ArrayLike<number>): [number, number, number, number] | undefined {
  let [u0, v0, u1, v1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < uvs.length; i += 2) {
    const [u, v] = [uvs[i]!, uvs[i + 1]!];
    if (u < u0) u0 = u;
    if (u > u1) u1 = u;
    if (v < v0) v0 = v;
    if (v > v1) v1 = v;
  }
  if (!(u0 >= -UV_SLACK && v0 >= -UV_SLACK && u1 <= 1 + UV_SLACK && v1 <= 1 + UV_SLACK)) return undefined;
  return [Math.max(0, u0), Math.max(0, v0), Math.min(1, u1), Math.min(1, v1)];
}

function union(a: [number, number, number, number], b: [number, number, number, number]): Region['bounds'] {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** A region's pixels in its image: the crop, and the image's size. */
interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
  imageWidth: number;
  imageHeight: number;
}

/**
 * Lays the regions out in a grid of equal cells, each cropped from its image and scaled to
 * its cell, one image decoded at a time, and moves each primitive's UVs into its cell. The
 * atlas is the profile's size, or smaller where the crops would only be scaled up.
 */
async function packAtlas(document: Document, regions: Region[], maxSize: number): Promise<Texture> {
  const columns = Math.ceil(Math.sqrt(regions.length));
  const rows = Math.ceil(regions.length / columns);
  const crops = await Promise.all(regions.map(cropOf));
  const needed = Math.max(
    columns * (Math.max(...crops.map((crop) => crop.width)) + 2 * GUTTER),
    rows * (Math.max(...crops.map((crop) => crop.height)) + 2 * GUTTER),
  );
  const size = Math.min(maxSize, needed);
  const [cellWidth, cellHeight] = [Math.floor(size / columns), Math.floor(size / rows)];
  const [innerWidth, innerHeight] = [cellWidth - 2 * GUTTER, cellHeight - 2 * GUTTER];
  const alpha = await anyAlpha(regions);
  const cells: OverlayOptions[] = [];
  for (const [index, region] of regions.entries()) {
    const crop = crops[index]!;
    const [left, top] = [(index % columns) * cellWidth, Math.floor(index / columns) * cellHeight];
    const cell = await sharp(region.texture.getImage()!, { limitInputPixels: false })
      .extract(crop)
      .resize(innerWidth, innerHeight, { fit: 'fill' })
      .extend({ top: GUTTER, bottom: GUTTER, left: GUTTER, right: GUTTER, extendWith: 'copy' })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    cells.push({ input: cell.data, raw: cell.info, left, top });
    // UVs at the crop's pixel edges land on the cell's inner pixel edges.
    const scaleU = ((innerWidth / size) * crop.imageWidth) / crop.width;
    const scaleV = ((innerHeight / size) * crop.imageHeight) / crop.height;
    moveUvs(document, region.primitives, {
      scaleU,
      scaleV,
      offsetU: (left + GUTTER) / size - (crop.left / crop.imageWidth) * scaleU,
      offsetV: (top + GUTTER) / size - (crop.top / crop.imageHeight) * scaleV,
    });
  }
  const atlas = sharp({ create: { width: size, height: size, channels: 4, background: '#000' } }).composite(cells);
  const png = await (alpha ? atlas : atlas.removeAlpha()).png({ compressionLevel: 1 }).toBuffer();
  return document.createTexture('merged atlas').setImage(new Uint8Array(png)).setMimeType('image/png');
}

async function cropOf(region: Region): Promise<Crop> {
  const { width: imageWidth = 1, height: imageHeight = 1 } = await sharp(region.texture.getImage()!, {
    limitInputPixels: false,
  }).metadata();
  const [u0, v0, u1, v1] = region.bounds;
  const left = Math.min(imageWidth - 1, Math.floor(u0 * imageWidth));
  const top = Math.min(imageHeight - 1, Math.floor(v0 * imageHeight));
  return {
    left,
    top,
    width: Math.max(1, Math.min(imageWidth - left, Math.ceil(u1 * imageWidth) - left)),
    height: Math.max(1, Math.min(imageHeight - top, Math.ceil(v1 * imageHeight) - top)),
    imageWidth,
    imageHeight,
  };
}

function moveUvs(
  document: Document,
  primitives: Primitive[],
  { scaleU, scaleV, offsetU, offsetV }: { scaleU: number; scaleV: number; offsetU: number; offsetV: number },
): void {
  for (const primitive of primitives) {
    const source = primitive.getAttribute('TEXCOORD_0')!;
    const uvs = Float32Array.from(source.getArray()!);
    for (let i = 0; i < uvs.length; i += 2) {
      uvs[i] = uvs[i]! * scaleU + offsetU;
      uvs[i + 1] = uvs[i + 1]! * scaleV + offsetV;
    }
    // A new accessor: another primitive may share the old one.
    const buffer = source.getBuffer() ?? document.getRoot().listBuffers()[0] ?? document.createBuffer();
    primitive.setAttribute('TEXCOORD_0', document.createAccessor().setType('VEC2').setArray(uvs).setBuffer(buffer));
  }
}

async function anyAlpha(regions: Region[]): Promise<boolean> {
  for (const region of regions) {
    if ((await sharp(region.texture.getImage()!, { limitInputPixels: false }).metadata()).hasAlpha) return true;
  }
  return false;
}

/** Joins the primitives of each mesh that now share a material into one: one draw call. */
function joinSameMaterial(): Transform {
  return createTransform('joinSameMaterial', (document: Document) => {
    for (const mesh of document.getRoot().listMeshes()) {
      const byMaterial = new Map<Material | null, Primitive[]>();
      for (const primitive of mesh.listPrimitives()) {
        const key = primitive.getMaterial();
        byMaterial.set(key, [...(byMaterial.get(key) ?? []), primitive]);
      }
      for (const primitives of byMaterial.values()) {
        if (primitives.length < 2 || !sameLayout(primitives)) continue;
        const joined = joinPrimitives(primitives);
        for (const primitive of primitives) {
          mesh.removePrimitive(primitive);
          primitive.dispose();
        }
        mesh.addPrimitive(joined);
      }
    }
  });
}

/** joinPrimitives needs the same attributes, of the same types, and all indexed or none. */
function sameLayout(primitives: Primitive[]): boolean {
  const layout = (primitive: Primitive) =>
    JSON.stringify([
      primitive.getIndices() !== null,
      primitive
        .listSemantics()
        .sort()
        .map((semantic) => {
          const accessor = primitive.getAttribute(semantic)!;
          return [semantic, accessor.getType(), accessor.getComponentType(), accessor.getNormalized()];
        }),
    ]);
  return primitives.every((primitive) => layout(primitive) === layout(primitives[0]!));
}
