import { createRequire } from 'node:module';
import type { Document } from '@gltf-transform/core';
import { weld } from '@gltf-transform/functions';
import type * as Mikktspace from 'mikktspace';
import { generateMissingTangents } from './transforms/generate-missing-tangents.js';
import { removeDegenerateFaces } from './transforms/remove-degenerate-faces.js';
import { renumberTexCoords } from './transforms/renumber-texcoords.js';
import { repairNormals } from './transforms/repair-normals.js';
import { pruneUnused } from './transforms/prune-unused.js';

/**
 * MikkTSpace, the tangent space glTF's normal maps are baked in. Loaded through `require`:
 * its package has no `exports`, and bundler-style resolvers (Vite's, in the test runner and
 * any tool that inlines this package) pick its `module` entry, which imports a `.wasm`
 * file as a module, something Node cannot load; its `main` entry reads the wasm itself.
 */
const { generateTangents } = createRequire(import.meta.url)('mikktspace') as typeof Mikktspace;

/**
 * Repairs what scans commonly get wrong and can be put right without changing what the
 * artefact looks like: unindexed or split vertices (weld), invisible and repeated faces,
 * texture coordinate sets that do not start at 0, normals that are not unit length,
 * normal maps without tangents, and meshes, materials or textures nothing uses. Returns
 * one warning a repair.
 */
export async function repairScan(document: Document, file: string): Promise<string[]> {
  const warnings: string[] = [];
  const meshesBefore = document.getRoot().listMeshes().length;
  // Order matters: normals are recomputed from the faces left after the degenerate ones
  // go, and tangents are made from the repaired normals and renumbered sets.
  await document.transform(
    weld(),
    removeDegenerateFaces({
      onRemoved: ({ degenerate, duplicate }) => {
        if (degenerate > 0) warnings.push(`${file}: removed ${degenerate} degenerate faces (zero area)`);
        if (duplicate > 0) warnings.push(`${file}: removed ${duplicate} duplicate faces`);
      },
    }),
    renumberTexCoords({
      onRenumbered: (primitives) => {
        if (primitives > 0) warnings.push(`${file}: ${texCoordsRenumbered(primitives)}`);
      },
    }),
    repairNormals({
      onRepaired: (repaired) => {
        if (repaired.rescaled + repaired.recomputed > 0) warnings.push(`${file}: ${normalsRepaired(repaired)}`);
      },
    }),
    generateMissingTangents({
      generateTangents,
      onGenerated: (result) => {
        const line = tangentsGenerated(result);
        if (line) warnings.push(`${file}: ${line}`);
      },
    }),
    pruneUnused({ keepLeaves: false }),
  );
  const emptied = meshesBefore - document.getRoot().listMeshes().length;
  if (emptied > 0) warnings.push(`${file}: removed ${emptied} empty or unused meshes`);
  return warnings;
}

function texCoordsRenumbered(primitives: number): string {
  return `renumbered the texture coordinate sets of ${count(primitives, 'mesh part')} to start at 0 without gaps, as glTF requires (their materials follow)`;
}

function normalsRepaired({ rescaled, recomputed }: { rescaled: number; recomputed: number }): string {
  const how = [
    rescaled > 0 ? `${rescaled} rescaled` : '',
    recomputed > 0 ? `${recomputed} zero or invalid, recomputed from their faces` : '',
  ].filter(Boolean);
  return `repaired ${count(rescaled + recomputed, 'normal')} that were not unit length (${how.join(', ')})`;
}

function tangentsGenerated(result: { generated: number; withoutTexCoords: number; withoutNormals: number }): string {
  const parts: string[] = [];
  if (result.generated > 0) {
    parts.push(`generated tangents for ${count(result.generated, 'mesh part')} with a normal map`);
  }
  const left = result.withoutTexCoords + result.withoutNormals;
  if (left > 0) {
    const lacking = [
      result.withoutTexCoords > 0 ? 'texture coordinates' : '',
      result.withoutNormals > 0 ? 'normals' : '',
    ]
      .filter(Boolean)
      .join(' or ');
    parts.push(
      `${count(left, 'mesh part')} with a normal map ${left === 1 ? 'has' : 'have'} no ${lacking} for it, so the map may shade wrongly; export the scan again with them`,
    );
  }
  return parts.join('; ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
