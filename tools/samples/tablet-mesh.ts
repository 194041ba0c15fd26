// The tablet as photogrammetry meshes it, indexed the OBJ way (positions, UVs and normals
// each with their own indices): a dense carved face, a back as dense but written as quads,
// and four sides that share the face's and the back's border positions with their own UVs.
import { packCharts, chartToAtlas, type AtlasLayout } from './atlas.js';
import { vertexNormals } from './normals.js';
import { fbm3, hash3 } from './random.js';
import type { TabletSize } from './scales.js';
import { HEIGHT, THICKNESS, WIDTH, relief, type ReliefSample } from './tablet-relief.js';

/** The six charts of the atlas, in this order. */
export const TABLET_CHARTS = ['front', 'back', 'bottom', 'top', 'left', 'right'] as const;
export type TabletChart = (typeof TABLET_CHARTS)[number];

export interface TabletMesh {
  readonly positions: Float32Array;
  /** glTF convention (v down the image); the OBJ writer flips them. */
  readonly uvs: Float32Array;
  readonly normals: Float32Array;
  /** Per face corner: position, UV and normal index (from 0). */
  readonly corners: { readonly v: Uint32Array; readonly vt: Uint32Array; readonly vn: Uint32Array };
  /** Corners of each face: 3 or 4. */
  readonly faceSizes: Uint8Array;
  readonly layout: AtlasLayout;
}

/** Face cells are two triangles, back cells one quad, sides one quad per border edge; quads count as two. */
export function tabletTriangleCount(size: TabletSize): number {
  const cells = size.across * size.up;
  const borderEdges = 2 * (size.across + size.up);
  return 2 * cells + 2 * cells + 2 * borderEdges;
}

export function buildTablet(size: TabletSize): TabletMesh {
  const { across, up } = size;
  const gridCount = (across + 1) * (up + 1);
  const grid = (i: number, j: number): number => j * (across + 1) + i;
  const positions = new Float32Array(gridCount * 2 * 3);
  const sample: ReliefSample = { height: 0, groove: 0, painted: 0, broken: 0 };
  for (let j = 0; j <= up; j++) {
    for (let i = 0; i <= across; i++) {
      const [x, y] = outline(i / across, j / up, i === 0 || i === across || j === 0 || j === up);
      relief(x, y, sample);
      const jitter = 0.004 * (2 * hash3(i, j, 0, 81) - 1);
      positions.set([x, y, THICKNESS + sample.height + jitter], grid(i, j) * 3);
      positions.set([x, y, backSurface(x, y)], (gridCount + grid(i, j)) * 3);
    }
  }

  const layout = packCharts(
    [
      { width: WIDTH, height: HEIGHT },
      { width: WIDTH / 2, height: HEIGHT / 2 },
      { width: WIDTH / 2, height: THICKNESS / 2 },
      { width: WIDTH / 2, height: THICKNESS / 2 },
      { width: HEIGHT / 2, height: THICKNESS / 2 },
      { width: HEIGHT / 2, height: THICKNESS / 2 },
    ],
    { size: size.textureSize, gutter: size.gutter, seed: 8 },
  );
  const faces = new FaceList();
  const uvs: number[] = [];
  const texel = new Float64Array(2);
  const addUv = (chart: TabletChart, a: number, b: number): number => {
    chartToAtlas(layout.placements[TABLET_CHARTS.indexOf(chart)]!, a, b, texel);
    uvs.push(texel[0]! / layout.size, texel[1]! / layout.size);
    return uvs.length / 2 - 1;
  };
  // Front and back grids: one UV per grid point, in chart coordinates seen from outside.
  for (let j = 0; j <= up; j++) for (let i = 0; i <= across; i++) addUv('front', i / across, 1 - j / up);
  for (let j = 0; j <= up; j++) for (let i = 0; i <= across; i++) addUv('back', 1 - i / across, 1 - j / up);

  for (let j = 0; j < up; j++) {
    for (let i = 0; i < across; i++) {
      const [a, b, c, d] = [grid(i, j), grid(i + 1, j), grid(i + 1, j + 1), grid(i, j + 1)];
      // Photogrammetry meshes have no preferred diagonal.
      if (hash3(i, j, 1, 82) < 0.5) faces.add([a, b, c], [a, b, c], [a, b, c]).add([a, c, d], [a, c, d], [a, c, d]);
      else faces.add([a, b, d], [a, b, d], [a, b, d]).add([b, c, d], [b, c, d], [b, c, d]);
      const back = [a, d, c, b].map((k) => gridCount + k);
      faces.add(back, back, back);
    }
  }
  const gridCorners = faces.cornerCount;
  const sideNormal = gridCount * 2;
  const side = (chart: TabletChart, ring: number[], normal: number, flip: boolean): void => {
    const count = ring.length - 1;
    const frontUv = ring.map((_, k) => addUv(chart, k / count, 0));
    const backUv = ring.map((_, k) => addUv(chart, k / count, 1));
    for (let k = 0; k < count; k++) {
      const v = [ring[k]!, gridCount + ring[k]!, gridCount + ring[k + 1]!, ring[k + 1]!];
      const vt = [frontUv[k]!, backUv[k]!, backUv[k + 1]!, frontUv[k + 1]!];
      const order = flip ? [0, 3, 2, 1] : [0, 1, 2, 3];
      faces.add(
        order.map((n) => v[n]!),
        order.map((n) => vt[n]!),
        order.map(() => normal),
      );
    }
  };
  const row = (j: number) => Array.from({ length: across + 1 }, (_, i) => grid(i, j));
  const column = (i: number) => Array.from({ length: up + 1 }, (_, j) => grid(i, j));
  side('bottom', row(0), sideNormal, false);
  side('top', row(up), sideNormal + 1, true);
  side('left', column(0), sideNormal + 2, true);
  side('right', column(across), sideNormal + 3, false);

  const normals = new Float32Array((gridCount * 2 + 4) * 3);
  normals.set(smoothNormals(positions, faces, gridCorners));
  normals.set([0, -1, 0, 0, 1, 0, -1, 0, 0, 1, 0, 0], gridCount * 2 * 3);
  return {
    positions,
    uvs: Float32Array.from(uvs),
    normals,
    corners: faces.corners(),
    faceSizes: Uint8Array.from(faces.sizes),
    layout,
  };
}

/**
 * Where grid point (u, v) lies on the tablet; border points wander a millimetre or two in
 * and out, so the outline is as uneven as a real stone's.
 */
function outline(u: number, v: number, border: boolean): [number, number] {
  const x = u * WIDTH;
  const y = v * HEIGHT;
  if (!border) return [x, y];
  const wobble = 0.1 * fbm3(x * 0.7, y * 0.7, 3, 2, 83);
  const nx = u === 0 ? -1 : u === 1 ? 1 : 0;
  const ny = v === 0 ? -1 : v === 1 ? 1 : 0;
  return [x + nx * wobble, y + ny * wobble];
}

/** The back: sawn flat long ago, with shallow tool marks and wear. */
function backSurface(x: number, y: number): number {
  return 0.08 * fbm3(x * 0.5, y * 0.5, 5, 3, 84) + 0.025 * Math.sin(x * 7 + 2 * fbm3(x * 0.3, y * 0.3, 6, 2, 85));
}

/** Normals of the face and back grids from their own faces (sides get flat normals). */
function smoothNormals(positions: Float32Array, faces: FaceList, gridCorners: number): Float32Array {
  const triangles: number[] = [];
  faces.forEachFace((start, size) => {
    if (start >= gridCorners) return;
    for (let k = 1; k + 1 < size; k++) triangles.push(faces.v[start]!, faces.v[start + k]!, faces.v[start + k + 1]!);
  });
  return vertexNormals(positions, Uint32Array.from(triangles));
}

/** Faces of mixed size, gathered in order. */
class FaceList {
  readonly v: number[] = [];
  readonly vt: number[] = [];
  readonly vn: number[] = [];
  readonly sizes: number[] = [];

  get cornerCount(): number {
    return this.v.length;
  }

  add(v: readonly number[], vt: readonly number[], vn: readonly number[]): this {
    this.v.push(...v);
    this.vt.push(...vt);
    this.vn.push(...vn);
    this.sizes.push(v.length);
    return this;
  }

  forEachFace(visit: (start: number, size: number) => void): void {
    let start = 0;
    for (const size of this.sizes) {
      visit(start, size);
      start += size;
    }
  }

  corners(): { v: Uint32Array; vt: Uint32Array; vn: Uint32Array } {
    return { v: Uint32Array.from(this.v), vt: Uint32Array.from(this.vt), vn: Uint32Array.from(this.vn) };
  }
}
