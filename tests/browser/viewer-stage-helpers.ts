// Helpers of viewer-stage.test.ts: reading the viewer's debug probe, waiting for the stage
// to settle, comparing screenshots, heap accounting over CDP, projecting and casting rays
// as the viewer's camera does, reading a GLB's triangles with glTF-Transform, and making a
// KTX2-textured GLB.
import { readFile } from 'node:fs/promises';
import { Document, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS, KHRTextureBasisu } from '@gltf-transform/extensions';
import { encodeToKTX2 } from 'ktx2-encoder';
import { MeshoptDecoder } from 'meshoptimizer';
import type { BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { BoxGeometry, Matrix4, Ray, Vector3 } from 'three';

/** The camera as the viewer's DebugProbe reports it. */
export interface ProbeView {
  position: number[];
  target: number[];
  projectionInverse: number[];
  world: number[];
}

export type Box = { x: number; y: number; width: number; height: number };

/** `window.__vitrineDebug` as the viewer fills it. */
export interface DebugWindow {
  __vitrineDebug?: { viewers?: Record<string, () => unknown>[]; retired?: WeakRef<object>[] };
}

/** Pages opt in to the viewer's debug probe before any script runs. */
export async function withProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as DebugWindow).__vitrineDebug = {};
  });
}

/** Calls one of the newest viewer's probe methods (frames, renders, memory, view). */
export function probe<T>(page: Page, method: 'frames' | 'renders' | 'memory' | 'view'): Promise<T> {
  return page.evaluate((name) => {
    const viewer = (window as DebugWindow).__vitrineDebug?.viewers?.at(-1);
    if (!viewer?.[name]) throw new Error('no viewer probe');
    return viewer[name]() as T;
  }, method);
}

export const view = (page: Page) => probe<ProbeView>(page, 'view');
export const frames = (page: Page) => probe<number>(page, 'frames');

/** Waits until no frame has been drawn for `quietMs`: the stage has settled. */
export async function settle(page: Page, quietMs = 600): Promise<void> {
  let last = await frames(page);
  for (let waited = 0; waited < 20_000; waited += quietMs) {
    await page.waitForTimeout(quietMs);
    const now = await frames(page);
    if (now === last) return;
    last = now;
  }
  throw new Error('the stage kept drawing frames');
}

export async function drag(page: Page, viewer: Locator, dx: number, dy: number): Promise<void> {
  const box = (await viewer.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height * 0.4;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

/** Mean absolute difference per channel between the centres of two screenshots. */
export async function centreDifference(a: Buffer, b: Buffer, box: Box) {
  const region = {
    left: Math.round(box.x + box.width * 0.3),
    top: Math.round(box.y + box.height * 0.25),
    width: Math.round(box.width * 0.4),
    height: Math.round(box.height * 0.4),
  };
  const [one, two] = await Promise.all([a, b].map((png) => sharp(png).extract(region).removeAlpha().raw().toBuffer()));
  let sum = 0;
  for (let i = 0; i < one!.length; i++) sum += Math.abs(one![i]! - two![i]!);
  return sum / one!.length;
}

/**
 * Bytes of the page's JS heap in objects, array buffers included, leaving out compiled
 * code (V8 keeps optimizing as the same code runs again, so code grows without a leak).
 */
export async function heapObjectBytes(cdp: CDPSession): Promise<number> {
  let json = '';
  const onChunk = ({ chunk }: { chunk: string }) => (json += chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(json) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.meta.node_fields;
  const code = snapshot.meta.node_types[0].indexOf('code');
  const size = fields.indexOf('self_size');
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) if (nodes[i] !== code) bytes += nodes[i + size]!;
  return bytes;
}

/**
 * A box the size of `dimensions` standing on y = 0, its one texture a KTX2 (ETC1S) of a
 * flat colour: what a `vr` derivative with KHR_texture_basisu looks like to the loader.
 */
export async function ktx2Box(
  dimensions: { width: number; height: number; depth: number },
  rgb: [number, number, number],
) {
  const geometry = new BoxGeometry(dimensions.width, dimensions.height, dimensions.depth).translate(
    0,
    dimensions.height / 2,
    0,
  );
  const png = await sharp({
    create: { width: 64, height: 64, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } },
  })
    .png()
    .toBuffer();
  const ktx2 = await encodeToKTX2(new Uint8Array(png), {
    isUASTC: false,
    generateMipmap: true,
    isKTX2File: true,
    imageDecoder: async (bytes) => {
      const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { width: info.width, height: info.height, data: new Uint8Array(data) };
    },
  });
  const document = new Document();
  const buffer = document.createBuffer();
  const attribute = (type: 'VEC2' | 'VEC3', array: ArrayLike<number>) =>
    document.createAccessor().setType(type).setArray(new Float32Array(array)).setBuffer(buffer);
  document.createExtension(KHRTextureBasisu).setRequired(true);
  const texture = document.createTexture('colour').setImage(ktx2).setMimeType('image/ktx2');
  const material = document.createMaterial('blue').setBaseColorTexture(texture).setRoughnessFactor(0.8);
  const primitive = document
    .createPrimitive()
    .setAttribute('POSITION', attribute('VEC3', geometry.getAttribute('position').array))
    .setAttribute('NORMAL', attribute('VEC3', geometry.getAttribute('normal').array))
    .setAttribute('TEXCOORD_0', attribute('VEC2', geometry.getAttribute('uv').array))
    .setIndices(
      document.createAccessor().setType('SCALAR').setArray(new Uint16Array(geometry.index!.array)).setBuffer(buffer),
    )
    .setMaterial(material);
  const node = document.createNode('box').setMesh(document.createMesh('box').addPrimitive(primitive));
  document.createScene('scene').addChild(node);
  return new NodeIO().registerExtensions([KHRTextureBasisu]).writeBinary(document);
}

/** The pixel where a world point appears in the viewer. */
export function toPixel(point: Vector3, camera: ProbeView, box: Box) {
  const viewInverse = new Matrix4().fromArray(camera.world).invert();
  const projection = new Matrix4().fromArray(camera.projectionInverse).invert();
  const ndc = point.clone().applyMatrix4(viewInverse).applyMatrix4(projection);
  return {
    x: Math.round(box.x + ((ndc.x + 1) / 2) * box.width),
    y: Math.round(box.y + ((1 - ndc.y) / 2) * box.height),
  };
}

/** The ray from the camera through a pixel, as three's Raycaster.setFromCamera casts it. */
export function rayThrough(pixel: { x: number; y: number }, camera: ProbeView, box: Box) {
  const ndcX = ((pixel.x - box.x) / box.width) * 2 - 1;
  const ndcY = -((pixel.y - box.y) / box.height) * 2 + 1;
  const origin = new Vector3().fromArray(camera.position);
  const through = new Vector3(ndcX, ndcY, 0.5)
    .applyMatrix4(new Matrix4().fromArray(camera.projectionInverse))
    .applyMatrix4(new Matrix4().fromArray(camera.world));
  return new Ray(origin, through.sub(origin).normalize());
}

/** Every triangle of a GLB in world coordinates, read with glTF-Transform (not three's loader). */
export async function worldTriangles(file: string): Promise<Vector3[][]> {
  await MeshoptDecoder.ready;
  const io = new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const document = await io.readBinary(new Uint8Array(await readFile(file)));
  const triangles: Vector3[][] = [];
  for (const node of document.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const world = new Matrix4().fromArray(node.getWorldMatrix());
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute('POSITION')!;
      const indices = primitive.getIndices();
      const count = indices ? indices.getCount() : position.getCount();
      const corner = (i: number) =>
        new Vector3().fromArray(position.getElement(indices ? indices.getScalar(i) : i, [])).applyMatrix4(world);
      for (let i = 0; i < count; i += 3) triangles.push([corner(i), corner(i + 1), corner(i + 2)]);
    }
  }
  return triangles;
}

export function nearestHit(ray: Ray, triangles: Vector3[][]): Vector3 {
  let nearest: Vector3 | undefined;
  const hit = new Vector3();
  for (const [a, b, c] of triangles) {
    if (!ray.intersectTriangle(a!, b!, c!, false, hit)) continue;
    if (!nearest || hit.distanceTo(ray.origin) < nearest.distanceTo(ray.origin)) nearest = hit.clone();
  }
  if (!nearest) throw new Error('the ray misses the artefact');
  return nearest;
}
