import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getBounds, type Document, type Texture } from '@gltf-transform/core';
import { KHRTextureTransform } from '@gltf-transform/extensions';
import { meshopt, quantize } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { countTriangles } from '../check/count.js';
import { getIO } from '../io.js';
import { makeBoxDocument } from '../testing/fixtures.js';
import { imageKind, readZipEntries, tuples, usdaArray, usdaBlock } from './usdz-test-helpers.js';
import { writeUsdz } from './usdz.js';

const SCAN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/scans/usnm-1145291/USNM_1145291-150k-2048-medium-100k-2048_draco.glb',
);

/** Opens a package the way Quick Look requires it to be laid out, failing on any breach. */
function openPackage(usdz: Uint8Array): { usda: string; files: Map<string, Uint8Array> } {
  const entries = readZipEntries(usdz);
  expect(entries.length).toBeGreaterThan(0);
  expect(entries[0]!.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*\.usda$/);
  for (const entry of entries) {
    expect(entry.method, entry.name).toBe(0);
    expect(entry.dataOffset % 64, entry.name).toBe(0);
  }
  const usda = new TextDecoder().decode(entries[0]!.data);
  const files = new Map(entries.slice(1).map((entry) => [entry.name, entry.data]));
  // Every texture the layer names is in the package, and is an image Quick Look reads.
  const assets = [...usda.matchAll(/@([^@]+)@/g)].map((match) => match[1]!);
  for (const asset of assets) {
    expect(files.has(asset), asset).toBe(true);
    expect(imageKind(files.get(asset)!), asset).toBe(asset.endsWith('.png') ? 'png' : 'jpeg');
  }
  expect([...files.keys()].sort()).toEqual([...new Set(assets)].sort());
  return { usda, files };
}

/** Points, faces and st of the layer's only mesh against the document's. */
function expectSameGeometry(usda: string, document: Document): void {
  const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
  const points = tuples(usdaArray(usda, 'point3f[] points'), 3);
  expect(points.length).toBe(primitive.getAttribute('POSITION')!.getCount());
  const counts = usdaArray(usda, 'int[] faceVertexCounts');
  expect(counts.length).toBe(countTriangles(document));
  expect(counts.every((count) => count === 3)).toBe(true);
  expect(usdaArray(usda, 'int[] faceVertexIndices').length).toBe(counts.length * 3);
  // True size: the points span exactly the document's bounds.
  const { min, max } = getBounds(document.getRoot().getDefaultScene()!);
  for (let axis = 0; axis < 3; axis++) {
    expect(points.reduce((low, p) => Math.min(low, p[axis]!), Infinity)).toBeCloseTo(min[axis]!, 5);
    expect(points.reduce((high, p) => Math.max(high, p[axis]!), -Infinity)).toBeCloseTo(max[axis]!, 5);
  }
  const extent = tuples(usdaArray(usda, 'float3[] extent'), 3);
  expect(extent[0]![1]).toBeCloseTo(min[1]!, 5);
  expect(extent[1]![1]).toBeCloseTo(max[1]!, 5);
}

function expectFlippedSt(usda: string, document: Document): void {
  const uv = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!.getAttribute('TEXCOORD_0')!;
  const st = tuples(usdaArray(usda, 'texCoord2f[] primvars:st'), 2);
  expect(st.length).toBe(uv.getCount());
  let worst = 0;
  for (let i = 0; i < uv.getCount(); i++) {
    const [u, v] = uv.getElement(i, [0, 0]);
    worst = Math.max(worst, Math.abs(st[i]![0]! - u!), Math.abs(st[i]![1]! - (1 - v!)));
  }
  expect(worst).toBeLessThan(1e-6);
}

async function webpTexture(document: Document, channels: 3 | 4, name: string): Promise<Texture> {
  const background = channels === 4 ? { r: 200, g: 120, b: 40, alpha: 0.5 } : { r: 128, g: 128, b: 255 };
  const image = await sharp({ create: { width: 64, height: 32, channels, background } })
    .webp()
    .toBuffer();
  return document.createTexture(name).setImage(new Uint8Array(image)).setMimeType('image/webp');
}

describe('writeUsdz', () => {
  it('writes a box as a stored, aligned package in metres, Y up, at true size', async () => {
    const { document } = makeBoxDocument({ size: 0.25, segments: 3 });
    const usdz = await writeUsdz(document, { name: 'Clay box' });
    const { usda, files } = openPackage(usdz);
    expect(files.size).toBe(0);
    expect(usda.startsWith('#usda 1.0\n')).toBe(true);
    expect(usda).toContain('defaultPrim = "Clay_box"');
    expect(usda).toMatch(/^\s*metersPerUnit = 1$/m);
    expect(usda).toMatch(/^\s*upAxis = "Y"$/m);
    expect(usda.match(/^def /gm)).toEqual(['def ']); // one root prim
    expect(usda).toContain('def Xform "Clay_box"');
    expect(usda).toContain('uniform token subdivisionScheme = "none"');
    expect(usda).toContain('(interpolation = "vertex")');
    expect(usda).toContain('rel material:binding = </Clay_box/Materials/Clay>');
    expect(usdaBlock(usda, 'def Shader "PreviewSurface"')).toContain('color3f inputs:diffuseColor = (0.8, 0.5, 0.3)');
    expectSameGeometry(usda, document);
    expectFlippedSt(usda, document);
    // Identical input, identical bytes: the manifest's sha256 stays put across re-ingests.
    expect(await writeUsdz(document, { name: 'Clay box' })).toEqual(usdz);
  });

  it('re-encodes a WebP colour texture as JPEG, with an st reader and sRGB', async () => {
    const { document } = makeBoxDocument({ segments: 2 });
    const material = document.getRoot().listMaterials()[0]!;
    material.setBaseColorTexture(await webpTexture(document, 3, 'colour')).setBaseColorFactor([1, 0.5, 1, 1]);
    const { usda, files } = openPackage(await writeUsdz(document));
    expect([...files.keys()]).toEqual(['textures/baseColor_0.jpg']);
    const texture = usdaBlock(usda, 'def Shader "BaseColorTexture"');
    expect(texture).toContain('uniform token info:id = "UsdUVTexture"');
    expect(texture).toContain('token inputs:sourceColorSpace = "sRGB"');
    expect(texture).toContain('float4 inputs:scale = (1, 0.5, 1, 1)');
    expect(texture).toContain('float2 inputs:st.connect = </artefact/Materials/Clay/StReader.outputs:result>');
    expect(usdaBlock(usda, 'def Shader "StReader"')).toContain('string inputs:varname = "st"');
    expect(usda).toContain(
      'color3f inputs:diffuseColor.connect = </artefact/Materials/Clay/BaseColorTexture.outputs:rgb>',
    );
    expectFlippedSt(usda, document);
  });

  it('keeps alpha in PNG for a blended material and reads opacity from it', async () => {
    const { document } = makeBoxDocument({ segments: 1 });
    const material = document.getRoot().listMaterials()[0]!;
    material
      .setBaseColorTexture(await webpTexture(document, 4, 'glass'))
      .setAlphaMode('MASK')
      .setAlphaCutoff(0.25);
    const { usda, files } = openPackage(await writeUsdz(document));
    expect([...files.keys()]).toEqual(['textures/baseColor_0.png']);
    expect((await sharp(files.get('textures/baseColor_0.png')!).metadata()).hasAlpha).toBe(true);
    const surface = usdaBlock(usda, 'def Shader "PreviewSurface"');
    expect(surface).toContain('float inputs:opacity.connect = </artefact/Materials/Clay/BaseColorTexture.outputs:a>');
    expect(surface).toContain('float inputs:opacityThreshold = 0.25');
  });

  it('writes a normal map as raw PNG remapped to [-1, 1]', async () => {
    const { document } = makeBoxDocument({ segments: 1 });
    const material = document.getRoot().listMaterials()[0]!;
    material.setNormalTexture(await webpTexture(document, 3, 'normal'));
    const { usda, files } = openPackage(await writeUsdz(document));
    expect([...files.keys()]).toEqual(['textures/normal_0.png']);
    const texture = usdaBlock(usda, 'def Shader "NormalTexture"');
    expect(texture).toContain('token inputs:sourceColorSpace = "raw"');
    expect(texture).toContain('float4 inputs:scale = (2, 2, 2, 1)');
    expect(texture).toContain('float4 inputs:bias = (-1, -1, -1, 0)');
    expect(usda).toContain('normal3f inputs:normal.connect = </artefact/Materials/Clay/NormalTexture.outputs:rgb>');
  });

  it('writes COLOR_0 as displayColor and feeds it to diffuseColor', async () => {
    const { document } = makeBoxDocument({ segments: 1 });
    const primitive = document.getRoot().listMeshes()[0]!.listPrimitives()[0]!;
    const count = primitive.getAttribute('POSITION')!.getCount();
    const colors = new Float32Array(count * 4).map((_, i) => (i % 4 === 3 ? 1 : (i % 7) / 7));
    primitive.setAttribute('COLOR_0', document.createAccessor().setType('VEC4').setArray(colors));
    document.getRoot().listMaterials()[0]!.setBaseColorFactor([1, 1, 1, 1]);
    const { usda } = openPackage(await writeUsdz(document));
    const written = tuples(usdaArray(usda, 'color3f[] primvars:displayColor'), 3);
    expect(written.length).toBe(count);
    expect(written[1]![0]).toBeCloseTo(colors[4]!, 6);
    expect(usdaBlock(usda, 'def Shader "VertexColorReader"')).toContain('string inputs:varname = "displayColor"');
    expect(usda).toContain('def Material "Clay_vertexColor"');
    // The mean colour as the input's value, for readers that don't follow the connection.
    const mean = [0, 1, 2].map((channel) => {
      let sum = 0;
      for (let i = 0; i < count; i++) sum += colors[i * 4 + channel]!;
      return sum / count;
    });
    const value = usdaBlock(usda, 'def Shader "PreviewSurface"').match(/color3f inputs:diffuseColor = \(([^)]*)\)/);
    expect(value![1]!.split(', ').map(Number)).toEqual(mean.map((channel) => Number(channel.toPrecision(7))));
    expect(usda).toContain(
      'color3f inputs:diffuseColor.connect = </artefact/Materials/Clay_vertexColor/VertexColorReader.outputs:result>',
    );
  });

  it('bakes node transforms and KHR_texture_transform, and reads quantized meshopt data', async () => {
    const { document, node } = makeBoxDocument({ segments: 2 });
    node.setTranslation([0, 0.5, 0]).setScale([2, 1, 1]);
    const material = document.getRoot().listMaterials()[0]!;
    material.setBaseColorTexture(await webpTexture(document, 3, 'atlas'));
    const transform = document.createExtension(KHRTextureTransform).createTransform().setOffset([0.5, 0]);
    material.getBaseColorTextureInfo()!.setExtension('KHR_texture_transform', transform.setScale([0.5, 0.5]));
    await document.transform(quantize(), meshopt({ encoder: MeshoptEncoder }));
    const io = await getIO();
    const roundTripped = await io.readBinary(await io.writeBinary(document));
    expect(
      roundTripped
        .getRoot()
        .listAccessors()
        .some((accessor) => accessor.getNormalized()),
    ).toBe(true);

    const { usda } = openPackage(await writeUsdz(roundTripped));
    expectSameGeometry(usda, roundTripped);
    const points = tuples(usdaArray(usda, 'point3f[] points'), 3);
    expect(Math.max(...points.map((p) => p[0]!))).toBeCloseTo(1, 3); // 0.5 scaled by 2
    expect(Math.min(...points.map((p) => p[1]!))).toBeCloseTo(0, 3); // -0.5 moved up 0.5 (54 points)
    const st = tuples(usdaArray(usda, 'texCoord2f[] primvars:st'), 2);
    // u in [0, 1] → 0.5 + 0.5u in [0.5, 1]; v in [0, 1] → 0.5v, t = 1 - 0.5v in [0.5, 1].
    for (const [s, t] of st) {
      expect(s).toBeGreaterThanOrEqual(0.5 - 1e-4);
      expect(t).toBeGreaterThanOrEqual(0.5 - 1e-4);
    }
    expect(usda).not.toContain('UsdTransform2d');
  });

  it.skipIf(!existsSync(SCAN))('writes the Smithsonian scan (Draco, three 2048² JPEGs) for Quick Look', async () => {
    const document = await (await getIO()).read(SCAN);
    const started = performance.now();
    const usdz = await writeUsdz(document, { name: 'USNM 1145291' });
    const seconds = (performance.now() - started) / 1000;
    const { usda, files } = openPackage(usdz);
    expect([...files.keys()].sort()).toEqual([
      'textures/baseColor_0.jpg',
      'textures/normal_1.jpg',
      'textures/occlusion_2.jpg',
    ]);
    expectSameGeometry(usda, document);
    expectFlippedSt(usda, document);
    // The scan's JPEGs go in byte for byte: no second generation of JPEG loss.
    const baseColor = document.getRoot().listMaterials()[0]!.getBaseColorTexture()!;
    expect(Buffer.from(files.get('textures/baseColor_0.jpg')!).equals(baseColor.getImage()!)).toBe(true);
    expect(usdz.byteLength).toBeLessThan(16 * 1024 * 1024);
    console.info(`usnm-1145291 ar.usdz: ${(usdz.byteLength / 1e6).toFixed(2)} MB in ${seconds.toFixed(2)} s`);
  });
});
