import type { Document } from '@gltf-transform/core';
import { getBounds } from '@gltf-transform/functions';
import type { TextureSummary } from '@vitrine/core';
import { countTriangles, countVertices } from './count.js';
import { summarizeTextures } from './texture-summary.js';

/** What a curator and a developer want to know about a scan before trusting it. */
export interface ScanReport {
  triangles: number;
  vertices: number;
  meshes: number;
  materials: number;
  textures: TextureSummary[];
  /** Axis-aligned bounds in the scan's own units, before normalization. */
  bounds: { min: [number, number, number]; max: [number, number, number] };
  /** Things that were wrong and repaired, one line each, for the curator. */
  warnings: string[];
}

/** Counts and bounds of a document as read; warnings are added by the repair steps. */
export function describeScan(document: Document): ScanReport {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const { min, max } = scene ? getBounds(scene) : { min: [0, 0, 0], max: [0, 0, 0] };
  return {
    triangles: countTriangles(document),
    vertices: countVertices(document),
    meshes: root.listMeshes().length,
    materials: root.listMaterials().length,
    textures: summarizeTextures(document),
    bounds: { min: [min[0]!, min[1]!, min[2]!], max: [max[0]!, max[1]!, max[2]!] },
    warnings: [],
  };
}
