import type { Document, Transform } from '@gltf-transform/core';
import { createTransform, weld } from '@gltf-transform/functions';
import { countTriangles } from '../check/count.js';
import { simplifyWithAttributes, type SimplifyWithAttributesOptions } from './simplify-with-attributes.js';

const NAME = 'fitTriangleBudget';

export interface FitTriangleBudgetOptions {
  /** Most triangles the whole document may have afterwards. */
  maxTriangles: number;
}

export const FIT_TRIANGLE_BUDGET_DEFAULTS: Readonly<Omit<FitTriangleBudgetOptions, 'maxTriangles'>> = Object.freeze({});

/**
 * How each attempt treats attribute seams, gentlest first. Strict keeps every seam. Permissive lets
 * normal creases go while UV and colour seams stay: a faceted mesh, every vertex on a crease,
 * cannot lose a triangle otherwise. Unprotected lets UV seams go too: an atlas cut into very many
 * charts can hold a mesh far above a small budget (the Bali mask's 1,272 charts stop strict
 * simplification near 4,400 triangles), and the budget is a promise to the device.
 */
const SEAM_LADDER: readonly SimplifyWithAttributesOptions['permissive'][] = [false, true, 'unprotected', 'unprotected'];

/**
 * Simplifies until the document has at most `maxTriangles`, and leaves a document that is
 * already under budget alone. Simplification weighs normals, vertex colours and UVs and keeps
 * UV seams (see simplifyWithAttributes). The simplifier is asked for the triangles that would fit,
 * then the result is measured: meshoptimizer stops short where seams or borders hold it, so we ask
 * again, harder, rather than trust it.
 */
export function fitTriangleBudget(options: FitTriangleBudgetOptions): Transform {
  const { maxTriangles } = options;
  return createTransform(NAME, async (document: Document) => {
    const logger = document.getLogger();
    if (countTriangles(document) <= maxTriangles) return;
    await document.transform(weld());
    let warned = false;
    for (const permissive of SEAM_LADDER) {
      const current = countTriangles(document);
      if (current <= maxTriangles) return;
      if (permissive === 'unprotected' && !warned) {
        logger.warn(
          `${NAME}: UV seams hold the mesh at ${current} triangles, over ${maxTriangles}; textures may smear`,
        );
        warned = true;
      }
      // Aim 2% under the budget so that rounding per primitive cannot land us over it.
      const targetTriangles = Math.floor(maxTriangles * 0.98);
      await document.transform(simplifyWithAttributes({ targetTriangles, permissive }));
    }
    const after = countTriangles(document);
    if (after > maxTriangles) logger.warn(`${NAME}: ${after} triangles remain, over the budget of ${maxTriangles}`);
  });
}
