// The tablet as a photogrammetry export: OBJ, MTL and a baked JPEG side by side, in
// centimetres with Y up and the carved face towards +Z.
import { bakeAtlas } from './bake.js';
import { encodeJpeg } from './jpeg.js';
import { encodeMtl, encodeObj, type ObjNames } from './obj.js';
import type { TabletSize } from './scales.js';
import { buildTablet } from './tablet-mesh.js';
import { tabletShader } from './tablet-paint.js';

export const TABLET_FILES = { obj: 'tablet.obj', mtl: 'tablet.mtl', texture: 'tablet_diffuse.jpg' } as const;

export interface TabletResult {
  readonly obj: string;
  readonly mtl: string;
  readonly jpeg: Uint8Array;
  readonly triangles: number;
}

const NAMES: ObjNames = {
  header: [
    'Vitrine sample generator: synthetic photogrammetry of a carved limestone tablet',
    'units cm, up +Y, front +Z',
  ],
  object: 'Tablet',
  material: 'Tablet_material',
  mtlFile: TABLET_FILES.mtl,
  textureFile: TABLET_FILES.texture,
};

/** Builds and bakes synchronously; the JPEG encode runs on sharp's thread meanwhile. */
export function makeTablet(size: TabletSize): Promise<TabletResult> {
  const mesh = buildTablet(size);
  const texture = bakeAtlas(mesh.layout, tabletShader(), [28, 26, 24]);
  const encoding = encodeJpeg(texture, size.textureSize);
  const obj = encodeObj(mesh, NAMES);
  const triangles = Array.from(mesh.faceSizes).reduce((sum, corners) => sum + corners - 2, 0);
  return encoding.then((jpeg) => ({ obj, mtl: encodeMtl(NAMES), jpeg, triangles }));
}
