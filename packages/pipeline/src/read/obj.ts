import path from 'node:path';
import type { Document } from '@gltf-transform/core';
import { ScanError } from '../errors.js';
import { srgbToLinear } from './color.js';
import { fileChunks, type ScanSource } from './file-chunks.js';
import { repairGeometry, reportBrokenFaces } from './geometry-repair.js';
import { createObjMaterials, loadMaterialLibraries } from './obj-materials.js';
import { parseObj } from './obj-parse.js';
import { buildObjPrimitive, type ObjPrimitive } from './obj-primitive.js';
import { toFloat32Positions } from './positions.js';
import type { Warn } from './reader.js';
import { addPrimitive, createScanDocument, type PrimitiveData } from './scan-document.js';

/**
 * Reads a Wavefront OBJ with its MTL materials and textures: one primitive per material.
 *
 * Hand-written rather than three's OBJLoader. Measured side by side on the 10 MB,
 * 100k-triangle Bali mask OBJ, OBJLoader's parse alone took as long (~0.7 s here) and peaked
 * as high (~185 MB) as this whole reader with its texture, yet it un-indexes every triangle
 * (300k vertices for 62k), fans n-gons even when they are not convex, turns an out-of-range
 * index into silent NaN positions, and yields three.js objects that would still need
 * converting. The OBJ statements a scan uses are few; their parser is short.
 */
export async function readObj(source: ScanSource, warn: Warn): Promise<Document> {
  const { file } = source;
  const name = path.basename(file);
  const model = parseObj(fileChunks(source), name);
  if (model.positions.length === 0) {
    throw new ScanError(
      `${name} has no vertices, so it is not an OBJ scan (or is cut short); export the scan as OBJ again`,
      'no-geometry',
    );
  }
  const lists = {
    positions: toFloat32Positions(model.positions),
    colors: model.colors && linearColors(model.colors),
    uvs: model.uvs,
    normals: model.normals,
  };
  const primitives: (ObjPrimitive & { material: string | undefined })[] = model.groups.map((group) => ({
    ...buildObjPrimitive(group, lists),
    material: group.material,
  }));
  const count = (key: 'faceCount' | 'brokenFaceCount') =>
    primitives.reduce((sum, primitive) => sum + primitive[key], 0);
  reportBrokenFaces(file, count('brokenFaceCount'), count('faceCount'), warn);

  const { document, mesh } = createScanDocument(file);
  const sources = await loadMaterialLibraries(model.materialLibraries, file, warn);
  const materialFor = createObjMaterials(document, sources, file, warn);
  for (const primitive of primitives) {
    if (primitive.data.indices?.length) {
      addPrimitive(document, mesh, repairGeometry(primitive.data, file, warn), await materialFor(primitive.material));
    }
  }
  if (model.groups.length === 0) {
    // Vertices and no faces: a point cloud saved as OBJ.
    const points: PrimitiveData = {
      positions: lists.positions,
      colors: lists.colors && { values: lists.colors, components: 3 },
    };
    addPrimitive(document, mesh, repairGeometry(points, file, warn), await materialFor(undefined));
  }
  return document;
}

/** OBJ vertex colours are sRGB, written as 0-1 by most tools and 0-255 by a few. */
function linearColors(colors: Float32Array): Float32Array {
  const scale = colors.some((channel) => channel > 1) ? 1 / 255 : 1;
  return colors.map((channel) => srgbToLinear(channel * scale));
}
