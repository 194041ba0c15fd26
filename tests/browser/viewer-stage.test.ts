// The viewer's loading, stage and study tools in Chromium against the production build:
// thumb-then-target loading, render on demand, render modes,
// reset and zoom, measuring, errors with retry, and the controls on a phone.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { formatMetres } from '@vitrine/core';
import { MeshoptDecoder } from 'meshoptimizer';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { Matrix4, Ray, Vector3 } from 'three';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { closeBrowser, coveredFraction, keepScreenshot, openIsolatedPage, sharedBrowser } from './browser.js';

const baseURL = inject('baseURL');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STAGE_BACKGROUND: [number, number, number] = [0xeb, 0xe7, 0xe0];
/** The tablet's size from its manifest: about 30.1 × 21.1 × 4.4 cm. */
const TABLET = (
  JSON.parse(await readFile(path.join(ROOT, 'public/collection/tablet/artefact.json'), 'utf8')) as {
    dimensions: { width: number; height: number; depth: number };
  }
).dimensions;
type Box = { x: number; y: number; width: number; height: number };

afterAll(closeBrowser);

/** What the viewer's DebugProbe answers (see packages/viewer/src/stage/DebugProbe.tsx). */
interface ProbeView {
  position: number[];
  target: number[];
  projectionInverse: number[];
  world: number[];
}

/** `window.__vitrineDebug` as the viewer fills it. */
interface DebugWindow {
  __vitrineDebug?: { viewers?: Record<string, () => unknown>[]; retired?: WeakRef<object>[] };
}

/** Pages opt in to the viewer's debug probe before any script runs. */
async function withProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as DebugWindow).__vitrineDebug = {};
  });
}

const viewerOf = (page: Page) => page.locator('[data-vitrine-viewer]');

async function openTablet(page: Page): Promise<Locator> {
  await page.goto(`${baseURL}?artefact=tablet`);
  const viewer = viewerOf(page);
  await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
  return viewer;
}

/** Calls one of the newest viewer's probe methods (frames, renders, memory, view). */
function probe<T>(page: Page, method: 'frames' | 'renders' | 'memory' | 'view'): Promise<T> {
  return page.evaluate((name) => {
    const viewer = (window as DebugWindow).__vitrineDebug?.viewers?.at(-1);
    if (!viewer?.[name]) throw new Error('no viewer probe');
    return viewer[name]() as T;
  }, method);
}

const view = (page: Page) => probe<ProbeView>(page, 'view');
const frames = (page: Page) => probe<number>(page, 'frames');

/** Waits until no frame has been drawn for `quietMs`: the stage has settled. */
async function settle(page: Page, quietMs = 600): Promise<void> {
  let last = await frames(page);
  for (let waited = 0; waited < 20_000; waited += quietMs) {
    await page.waitForTimeout(quietMs);
    const now = await frames(page);
    if (now === last) return;
    last = now;
  }
  throw new Error('the stage kept drawing frames');
}

async function drag(page: Page, viewer: Locator, dx: number, dy: number): Promise<void> {
  const box = (await viewer.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height * 0.4;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

/**
 * A pixel on the tablet's carved face that nothing of the page covers (annotation
 * hotspots sit on the face too): tried at shares of its width and height.
 */
async function clearFacePixel(page: Page, viewer: Locator): Promise<{ x: number; y: number }> {
  const camera = await view(page);
  const box = (await viewer.boundingBox())!;
  for (const [across, up] of [
    [-0.25, 0.35],
    [0.25, 0.35],
    [-0.3, 0.65],
    [0.3, 0.65],
    [0, 0.2],
  ] as const) {
    const pixel = toPixel(new Vector3(across * TABLET.width, up * TABLET.height, TABLET.depth / 2), camera, box);
    const onCanvas = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName === 'CANVAS', pixel);
    if (onCanvas) return pixel;
  }
  throw new Error('every pixel tried on the face is covered');
}

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((value, i) => value - b[i]!));

/** Mean absolute difference per channel between the centres of two screenshots. */
async function centreDifference(a: Buffer, b: Buffer, box: Box) {
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

describe('loading', () => {
  it('shows the thumb first, then the target for a 1000×800 window (mobile), keeping the camera', async () => {
    const { page, context, offsiteRequests, pageErrors } = await openIsolatedPage();
    await withProbe(context);
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __lods: seen });
      new MutationObserver(() => {
        const lod = document.querySelector('[data-vitrine-viewer]')?.getAttribute('data-lod');
        if (lod && seen.at(-1) !== lod) seen.push(lod);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-lod'] });
    });
    const glbs: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.glb')) glbs.push(path.basename(new URL(request.url()).pathname));
    });
    // Hold the target back until the thumb is on screen, so the swap is seen every time.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/collection/tablet/mobile.glb', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseURL}?artefact=tablet`);
    const viewer = viewerOf(page);
    await viewer.and(page.locator('[data-lod="thumb"]')).waitFor({ timeout: 60_000 });
    await expect(viewer.getAttribute('data-state')).resolves.toBe('loading');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Preview/);
    await keepScreenshot(page, 'viewer-stage-thumb');

    await drag(page, viewer, 140, 30);
    const turned = await view(page);
    release();
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
    await expect(viewer.getAttribute('data-lod')).resolves.toBe('mobile');
    expect(await page.evaluate(() => (window as unknown as { __lods: string[] }).__lods)).toEqual(['thumb', 'mobile']);
    // The visitor's camera survives the swap: framing comes from the manifest, once.
    const after = await view(page);
    expect(distance(after.position, turned.position)).toBeLessThan(1e-9);
    expect(distance(after.target, turned.target)).toBeLessThan(1e-9);
    expect(glbs.sort()).toEqual(['mobile.glb', 'thumb.glb']);
    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('says when the target is missing, and tries again with the retry button', async () => {
    const { page, context } = await openIsolatedPage();
    let answered = 0;
    await page.route('**/collection/tablet/mobile.glb', (route) =>
      answered++ === 0 ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue(),
    );
    await page.goto(`${baseURL}?artefact=tablet`);
    const viewer = viewerOf(page);
    await viewer.and(page.locator('[data-state="error"]')).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not found');
    await page.getByRole('button', { name: 'Try again' }).click();
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
    await expect(viewer.getAttribute('data-lod')).resolves.toBe('mobile');
    await context.close();
  });

  it('says when the target is corrupt, and tries again with the retry button', async () => {
    const { page, context } = await openIsolatedPage();
    let answered = 0;
    await page.route('**/collection/tablet/mobile.glb', (route) =>
      answered++ === 0
        ? route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: Buffer.from('glTF but not really') })
        : route.continue(),
    );
    await page.goto(`${baseURL}?artefact=tablet`);
    const viewer = viewerOf(page);
    await viewer.and(page.locator('[data-state="error"]')).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('alert').textContent()).resolves.toContain('damaged');
    await page.getByRole('button', { name: 'Try again' }).click();
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
    await context.close();
  });
});

describe('the stage on the tablet', () => {
  let page: Page;
  let context: BrowserContext;
  let viewer: Locator;
  let pageErrors: string[];

  beforeAll(async () => {
    ({ page, context, pageErrors } = await openIsolatedPage());
    await withProbe(context);
    viewer = await openTablet(page);
  });
  afterAll(() => context.close());
  // Each test starts from the opening view, textured, not measuring.
  beforeEach(async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Textured', exact: true }).click();
    await page.getByRole('button', { name: 'Reset view' }).click();
    await settle(page, 300);
  });

  it('draws no frame while nothing moves', async () => {
    await settle(page);
    const before = await probe<number>(page, 'frames');
    const rendersBefore = await probe<number>(page, 'renders');
    await page.waitForTimeout(2000);
    const idleFrames = (await frames(page)) - before;
    const idleRenders = (await probe<number>(page, 'renders')) - rendersBefore;
    console.log(`idle 2 s: ${idleFrames} frames, ${idleRenders} renders (from ${before} frames since ready)`);
    expect(idleFrames).toBe(0);
    expect(idleRenders).toBe(0);
    // A drag draws frames, and the stage is quiet again afterwards.
    await drag(page, viewer, 60, 0);
    expect(await frames(page)).toBeGreaterThan(before);
    await settle(page);
  });

  it('shows clay and wireframe, and restores the textured surface', async () => {
    const box = (await viewer.boundingBox())!;
    const memory = await probe<{ geometries: number; textures: number }>(page, 'memory');
    const textured = (await keepScreenshot(page, 'viewer-stage-desktop')).png;
    for (const [name, file] of [
      ['Clay', 'viewer-stage-clay'],
      ['Wireframe', 'viewer-stage-wireframe'],
    ] as const) {
      const button = page.getByRole('button', { name, exact: true });
      await button.click();
      await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
      await settle(page, 300);
      const png = (await keepScreenshot(page, file)).png;
      expect(await centreDifference(textured, png, box), `${name} differs from textured`).toBeGreaterThan(8);
    }
    await page.getByRole('button', { name: 'Textured', exact: true }).click();
    await settle(page, 300);
    const back = (await page.screenshot()) as Buffer;
    expect(await centreDifference(textured, back, box)).toBeLessThan(1);
    // The substitutes are gone from the GPU: what it holds is what it held before.
    expect(await probe(page, 'memory')).toMatchObject(memory);
  });

  it('zooms to a double-clicked point and resets the view after a drag', async () => {
    const initial = await view(page);
    await drag(page, viewer, -150, 40);
    expect(distance((await view(page)).position, initial.position)).toBeGreaterThan(0.01);
    const point = await clearFacePixel(page, viewer);
    await page.mouse.dblclick(point.x, point.y);
    await settle(page, 300);
    const zoomed = await view(page);
    expect(distance(zoomed.target, initial.target)).toBeGreaterThan(0.001);
    expect(distance(zoomed.position, zoomed.target)).toBeLessThan(distance(initial.position, initial.target) * 0.75);
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(async () => distance((await view(page)).position, initial.position)).toBeLessThan(1e-6);
    expect(distance((await view(page)).target, initial.target)).toBeLessThan(1e-6);
  });

  it('is driven from the keyboard, with a visible focus ring', async () => {
    await page.getByRole('button', { name: 'Textured', exact: true }).focus();
    await page.keyboard.press('Tab');
    const clay = page.getByRole('button', { name: 'Clay', exact: true });
    await expect(clay.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    const ring = await clay.evaluate((element) => ({
      visible: element.matches(':focus-visible'),
      outline: getComputedStyle(element).outlineWidth,
    }));
    expect(ring.visible).toBe(true);
    expect(parseFloat(ring.outline)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Space');
    await expect(clay.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(clay.getAttribute('aria-pressed')).resolves.toBe('false');
    const measure = page.getByRole('button', { name: 'Measure' });
    await measure.focus();
    await page.keyboard.press('Enter');
    await expect(measure.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(measure.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Reset view, from where it already is: nothing moves.
  });

  it('measures between two clicked points within 1% of the distance between their true surface points', async () => {
    const dimensions = TABLET;
    const camera = await view(page);
    const box = (await viewer.boundingBox())!;
    // Aim at two points on the carved face, 70% of the tablet's width apart.
    const aims = [-0.35, 0.35].map((share) =>
      toPixel(new Vector3(share * dimensions.width, dimensions.height / 2, dimensions.depth / 2), camera, box),
    );
    for (const aim of aims) {
      const onCanvas = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName === 'CANVAS', aim);
      expect(onCanvas, 'nothing of the page covers the points to click').toBe(true);
    }
    await page.getByRole('button', { name: 'Measure' }).click();
    for (const aim of aims) {
      await page.mouse.click(aim.x, aim.y);
      await page.waitForTimeout(400); // two clicks, not a double-click
    }
    const readout = page.locator('[data-measured-metres]');
    await readout.waitFor();
    const measured = Number(await readout.getAttribute('data-measured-metres'));
    // The same rays cast independently, in Node, against the derivative's own triangles.
    const triangles = await worldTriangles(path.join(ROOT, 'public/collection/tablet/mobile.glb'));
    const hits = aims.map((aim) => nearestHit(rayThrough(aim, camera, box), triangles));
    const truth = hits[0]!.distanceTo(hits[1]!);
    console.log(`measured ${measured.toFixed(5)} m; independent raycast ${truth.toFixed(5)} m`);
    expect(Math.abs(measured - truth) / truth).toBeLessThan(0.01);
    expect(Math.abs(truth - 0.7 * dimensions.width) / (0.7 * dimensions.width)).toBeLessThan(0.03);
    await expect(readout.textContent()).resolves.toBe(`Distance: ${formatMetres(measured, 'en-GB')}`);
    await keepScreenshot(page, 'viewer-stage-measure');
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-measured-metres]').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

describe('on a phone', () => {
  it('keeps the controls reachable without hiding the artefact, and zooms on a double tap (at once, for reduced motion)', async () => {
    const context = await (
      await sharedBrowser()
    ).newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
      reducedMotion: 'reduce',
    });
    await context.route('**/*', (route) =>
      ['localhost', '127.0.0.1'].includes(new URL(route.request().url()).hostname)
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    await withProbe(context);
    const page = await context.newPage();
    const viewer = await openTablet(page);
    // 390 × 844 at 3× has the pixels of a monitor but not its size: mobile.
    await expect(viewer.getAttribute('data-lod')).resolves.toBe('mobile');
    const box = (await viewer.boundingBox())!;
    const toolbar = (await page.locator('.vitrine-toolbar').boundingBox())!;
    expect(toolbar.x).toBeGreaterThanOrEqual(box.x);
    expect(toolbar.x + toolbar.width).toBeLessThanOrEqual(box.x + box.width);
    expect(toolbar.y + toolbar.height).toBeLessThanOrEqual(box.y + box.height);
    expect((toolbar.width * toolbar.height) / (box.width * box.height)).toBeLessThan(0.12);
    for (const name of ['Textured', 'Clay', 'Wireframe', 'Measure', 'Reset view']) {
      const button = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(button!.height, `${name} is big enough for a finger`).toBeGreaterThanOrEqual(40);
      expect(button!.width).toBeGreaterThanOrEqual(40);
    }
    const { png } = await keepScreenshot(page, 'viewer-stage-phone');
    expect(await coveredFraction(png, box, STAGE_BACKGROUND)).toBeGreaterThan(0.3);

    await settle(page, 300);
    const before = await view(page);
    const framesBefore = await frames(page);
    // Two taps in quick succession, sent together: one at a time, the round trips from
    // the test would space them further apart than a person's double tap.
    const { x, y } = await clearFacePixel(page, viewer);
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchEnd') =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    await Promise.all([touch('touchStart'), touch('touchEnd'), touch('touchStart'), touch('touchEnd')]);
    await expect
      .poll(async () => distance((await view(page)).target, before.target), { timeout: 10_000 })
      .toBeGreaterThan(0.001);
    await settle(page, 300);
    // No flight under prefers-reduced-motion: the camera jumps, in a frame or two, not a
    // dozen (SwiftShader draws 10–30 a second here, so 450 ms of flight would be 5 or more).
    expect((await frames(page)) - framesBefore).toBeLessThanOrEqual(3);
    await context.close();
  });
});

/** The pixel where a world point appears in the viewer. */
function toPixel(point: Vector3, camera: ProbeView, box: Box) {
  const viewInverse = new Matrix4().fromArray(camera.world).invert();
  const projection = new Matrix4().fromArray(camera.projectionInverse).invert();
  const ndc = point.clone().applyMatrix4(viewInverse).applyMatrix4(projection);
  return {
    x: Math.round(box.x + ((ndc.x + 1) / 2) * box.width),
    y: Math.round(box.y + ((1 - ndc.y) / 2) * box.height),
  };
}

/** The ray from the camera through a pixel, as three's Raycaster.setFromCamera casts it. */
function rayThrough(pixel: { x: number; y: number }, camera: ProbeView, box: Box) {
  const ndcX = ((pixel.x - box.x) / box.width) * 2 - 1;
  const ndcY = -((pixel.y - box.y) / box.height) * 2 + 1;
  const origin = new Vector3().fromArray(camera.position);
  const through = new Vector3(ndcX, ndcY, 0.5)
    .applyMatrix4(new Matrix4().fromArray(camera.projectionInverse))
    .applyMatrix4(new Matrix4().fromArray(camera.world));
  return new Ray(origin, through.sub(origin).normalize());
}

/** Every triangle of a GLB in world coordinates, read with glTF-Transform (not three's loader). */
async function worldTriangles(file: string): Promise<Vector3[][]> {
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

function nearestHit(ray: Ray, triangles: Vector3[][]): Vector3 {
  let nearest: Vector3 | undefined;
  const hit = new Vector3();
  for (const [a, b, c] of triangles) {
    if (!ray.intersectTriangle(a!, b!, c!, false, hit)) continue;
    if (!nearest || hit.distanceTo(ray.origin) < nearest.distanceTo(ray.origin)) nearest = hit.clone();
  }
  if (!nearest) throw new Error('the ray misses the artefact');
  return nearest;
}
