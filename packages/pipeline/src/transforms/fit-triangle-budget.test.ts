import { describe, expect, it } from 'vitest';
import { countTriangles } from '../check/count.js';
import { makeBoxDocument } from '../testing/fixtures.js';
import { fitTriangleBudget } from './fit-triangle-budget.js';

describe('fitTriangleBudget', () => {
  it('brings a mesh under its budget', async () => {
    const { document } = makeBoxDocument({ segments: 32 }); // 12,288 triangles
    await document.transform(fitTriangleBudget({ maxTriangles: 2000 }));
    const after = countTriangles(document);
    expect(after).toBeLessThanOrEqual(2000);
    expect(after).toBeGreaterThan(0);
  });

  it('leaves a mesh already under budget untouched', async () => {
    const { document } = makeBoxDocument({ segments: 4 });
    const before = countTriangles(document);
    await document.transform(fitTriangleBudget({ maxTriangles: 10_000 }));
    expect(countTriangles(document)).toBe(before);
  });
});
