import type { Document } from '@gltf-transform/core';
import { prune, weld } from '@gltf-transform/functions';
import { removeDegenerateFaces } from './transforms/remove-degenerate-faces.js';

/**
 * Repairs what scans commonly get wrong and can be put right without changing what the
 * artefact looks like: unindexed or split vertices (weld), invisible and repeated faces,
 * and meshes, materials or textures nothing uses. Returns one warning a repair.
 */
export async function repairScan(document: Document, file: string): Promise<string[]> {
  const warnings: string[] = [];
  const meshesBefore = document.getRoot().listMeshes().length;
  await document.transform(
    weld(),
    removeDegenerateFaces({
      onRemoved: ({ degenerate, duplicate }) => {
        if (degenerate > 0) warnings.push(`${file}: removed ${degenerate} degenerate faces (zero area)`);
        if (duplicate > 0) warnings.push(`${file}: removed ${duplicate} duplicate faces`);
      },
    }),
    prune({ keepLeaves: false }),
  );
  const emptied = meshesBefore - document.getRoot().listMeshes().length;
  if (emptied > 0) warnings.push(`${file}: removed ${emptied} empty or unused meshes`);
  return warnings;
}
