import type { Document, Transform } from '@gltf-transform/core';
import { createTransform, simplify, weld } from '@gltf-transform/functions';
import { MeshoptSimplifier } from 'meshoptimizer';
import { countTriangles } from '../check/count.js';

const NAME = 'fitTriangleBudget';

export interface FitTriangleBudgetOptions {
  /** Most triangles the whole document may have afterwards. */
  maxTriangles: number;
}

export const FIT_TRIANGLE_BUDGET_DEFAULTS: Readonly<Omit<FitTriangleBudgetOptions, 'maxTriangles'>> = Object.freeze({});

/**
 * Simplifies until the document has at most `maxTriangles`, and leaves a document that is
 * already under budget alone. The simplifier is asked for the ratio that would fit, then
 * the result is measured: meshoptimizer may stop short of a ratio on locked borders, so we
 * ask again, harder, rather than trust it.
 */
export function fitTriangleBudget(options: FitTriangleBudgetOptions): Transform {
  const { maxTriangles } = options;
  return createTransform(NAME, async (document: Document) => {
    const before = countTriangles(document);
    if (before <= maxTriangles) return;
    await MeshoptSimplifier.ready;
    await document.transform(weld());
    for (let attempt = 0; attempt < 4; attempt++) {
      const current = countTriangles(document);
      if (current <= maxTriangles) return;
      // Aim 2% under the budget so that rounding in the simplifier cannot land us over it.
      const ratio = (maxTriangles * 0.98) / current;
      await document.transform(simplify({ simplifier: MeshoptSimplifier, ratio, error: 1, lockBorder: false }));
    }
  });
}
