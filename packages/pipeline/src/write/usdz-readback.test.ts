import { Box3, ImageLoader, type Mesh, type MeshStandardMaterial } from 'three';
import { USDLoader } from 'three/examples/jsm/loaders/USDLoader.js';
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeBoxDocument } from '../testing/fixtures.js';
import { writeUsdz } from './usdz.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A second reader of what we write: three.js's USDLoader parses USDA and composes
 * materials by following UsdPreviewSurface connections, independently of our code. Node
 * has no <img>, so the image step answers with a placeholder; the bytes themselves are
 * checked by usdz.test.ts.
 */
function readWithThree(usdz: Uint8Array): { meshes: Mesh[]; bounds: Box3; warnings: unknown[][] } {
  vi.spyOn(ImageLoader.prototype, 'load').mockImplementation((_url, onLoad) => {
    const image = { width: 1, height: 1 } as HTMLImageElement;
    onLoad?.(image);
    return image;
  });
  const warnings: unknown[][] = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args));
  const group = new USDLoader().parse(usdz.slice().buffer);
  const meshes: Mesh[] = [];
  group.traverse((object) => {
    if ((object as Mesh).isMesh) meshes.push(object as Mesh);
  });
  return { meshes, bounds: new Box3().setFromObject(group), warnings };
}

describe('a usdz read back by three.js USDLoader', () => {
  it('has the mesh, its true size and its textured material', async () => {
    const { document } = makeBoxDocument({ size: 0.2, segments: 2 });
    const colour = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#884422' } })
      .webp()
      .toBuffer();
    const texture = document.createTexture('colour').setImage(new Uint8Array(colour)).setMimeType('image/webp');
    document
      .getRoot()
      .listMaterials()[0]!
      .setBaseColorTexture(texture)
      .setNormalTexture(texture)
      .setRoughnessFactor(0.6)
      .setMetallicFactor(0);
    const { meshes, bounds, warnings } = readWithThree(await writeUsdz(document, { name: 'box' }));
    expect(warnings).toEqual([]);
    expect(meshes).toHaveLength(1);
    const geometry = meshes[0]!.geometry;
    expect(geometry.index?.count ?? geometry.getAttribute('position').count).toBe(6 * 2 * 2 * 2 * 3);
    expect(bounds.min.toArray().map((value) => Number(value.toFixed(6)))).toEqual([-0.2, -0.2, -0.2]);
    expect(bounds.max.toArray().map((value) => Number(value.toFixed(6)))).toEqual([0.2, 0.2, 0.2]);
    const material = meshes[0]!.material as MeshStandardMaterial;
    expect(material.map).not.toBeNull();
    expect(material.normalMap).not.toBeNull();
    expect(material.roughness).toBeCloseTo(0.6, 6);
    expect(material.metalness).toBe(0);
  });

  it('shows a vertex-coloured mesh in its mean colour where primvar readers are not followed', async () => {
    const { document } = makeBoxDocument({ segments: 1 });
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    const colors = new Float32Array(primitive.getAttribute('POSITION')!.getCount() * 3).fill(0.25);
    primitive.setAttribute('COLOR_0', document.createAccessor().setType('VEC3').setArray(colors));
    document.getRoot().listMaterials()[0]!.setBaseColorFactor([1, 1, 1, 1]);
    const { meshes, warnings } = readWithThree(await writeUsdz(document));
    expect(warnings).toEqual([]);
    const { color } = meshes[0]!.material as MeshStandardMaterial;
    expect(color.toArray()).toEqual([0.25, 0.25, 0.25]);
  });
});
