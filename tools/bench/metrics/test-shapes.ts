import type { TriangleSoup } from './triangle-soup.js';

/**
 * A UV sphere of radius `radius` centred on the origin, for the metric tests: closed, curved
 * (so nearest points land on faces, edges and corners alike) and quick to make at any size.
 */
export function uvSphere(radius: number, around: number, along: number): TriangleSoup {
  const point = (i: number, j: number): [number, number, number] => {
    const theta = (j / along) * Math.PI;
    const phi = (i / around) * 2 * Math.PI;
    return [
      radius * Math.sin(theta) * Math.cos(phi),
      radius * Math.cos(theta),
      radius * Math.sin(theta) * Math.sin(phi),
    ];
  };
  const corners: number[] = [];
  for (let j = 0; j < along; j++) {
    for (let i = 0; i < around; i++) {
      const a = point(i, j);
      const b = point(i + 1, j);
      const c = point(i + 1, j + 1);
      const d = point(i, j + 1);
      // The pole rows' quads collapse to one triangle each; skip their zero-area halves.
      if (j > 0) corners.push(...a, ...c, ...b);
      if (j < along - 1) corners.push(...a, ...d, ...c);
    }
  }
  return { positions: new Float32Array(corners) };
}
