// The viewer's loading, stage and study tools in Chromium against the production build:
// thumb-then-target loading, render on demand, disposal over many mounts, render modes,
// reset and zoom, measuring, errors with retry, and the controls on a phone.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMetres } from '@vitrine/core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { Ray, Vector3 } from 'three';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { closeBrowser, coveredFraction, keepScreenshot, openIsolatedPage, sharedBrowser } from './browser.js';
import {
  centreDifference,
  drag,
  frames,
  heapObjectBytes,
  probe,
  settle,
  view,
  withProbe,
  type DebugWindow,
  ktx2Box,
  nearestHit,
  rayThrough,
  toPixel,
  worldTriangles,
} from './viewer-stage-helpers.js';

const baseURL = inject('baseURL');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The file of an artefact's derivative in the sample collection, as its manifest names it. */
function derivativeFile(id: string, profile: string): string {
  const folder = path.join(ROOT, 'public/collection', id);
  const manifest = JSON.parse(readFileSync(path.join(folder, 'artefact.json'), 'utf8')) as {
    derivatives: { profile: string; url: string }[];
  };
  return path.join(folder, manifest.derivatives.find((derivative) => derivative.profile === profile)!.url);
}
const STAGE_BACKGROUND: [number, number, number] = [0xeb, 0xe7, 0xe0];
/** The tablet's size from its manifest: about 30.1 × 21.1 × 4.4 cm. */
const TABLET = (
  JSON.parse(await readFile(path.join(ROOT, 'public/collection/tablet/artefact.json'), 'utf8')) as {
    dimensions: { width: number; height: number; depth: number };
  }
).dimensions;

afterAll(closeBrowser);

const viewerOf = (page: Page) => page.locator('[data-vitrine-viewer]');

async function openTablet(page: Page): Promise<Locator> {
  await page.goto(`${baseURL}?artefact=tablet`);
  const viewer = viewerOf(page);
  await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
  return viewer;
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
      // Derivatives are named by content (`mobile.<hash>.glb`): the profile is what counts here.
      if (request.url().endsWith('.glb'))
        glbs.push(path.basename(new URL(request.url()).pathname).replace(/\.[0-9a-f]{12}\.glb$/, '.glb'));
    });
    // Hold the target back until the thumb is on screen, so the swap is seen every time.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/collection/tablet/mobile.*.glb', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${baseURL}?artefact=tablet`);
    const viewer = viewerOf(page);
    await viewer.and(page.locator('[data-lod="thumb"]')).waitFor({ timeout: 60_000 });
    await expect(viewer.getAttribute('data-state')).resolves.toBe('loading');
    await expect(viewer.getByRole('status').textContent()).resolves.toMatch(/Preview/);
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
    await page.route('**/collection/tablet/mobile.*.glb', (route) =>
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
    await page.route('**/collection/tablet/mobile.*.glb', (route) =>
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

  it('reads KTX2 (Basis) textures with the transcoder served by the app', async () => {
    const { page, context, offsiteRequests, pageErrors } = await openIsolatedPage();
    await withProbe(context);
    const blue: [number, number, number] = [40, 90, 200];
    const file = await ktx2Box(TABLET, blue);
    await page.route('**/collection/tablet/mobile.*.glb', (route) =>
      route.fulfill({ status: 200, contentType: 'model/gltf-binary', body: Buffer.from(file) }),
    );
    const transcoder: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('basis_transcoder')) transcoder.push(new URL(request.url()).hostname);
    });
    const viewer = await openTablet(page);
    // Where nothing covers the box (the tablet's annotation hotspots are placed on it too).
    const { x, y } = await clearFacePixel(page, viewer);
    const png = await page.screenshot({ clip: { x: x - 3, y: y - 3, width: 6, height: 6 } });
    const { data } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const [red, green, bluish] = [0, 1, 2].map((channel) => data[channel]!);
    expect(bluish, `the box shows its blue texture (rgb ${red}, ${green}, ${bluish})`).toBeGreaterThan(red! + 60);
    expect(transcoder.length).toBeGreaterThan(0);
    expect(new Set(transcoder)).toEqual(new Set([new URL(baseURL).hostname]));
    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
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
    const memory = await probe<{ geometries: number; textures: number; programs: number }>(page, 'memory');
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

  it('turns, tilts, pans and zooms from the keyboard on the focused stage', async () => {
    await page.getByRole('button', { name: 'Reset view' }).click();
    await settle(page, 300);
    const initial = await view(page);
    const stage = page.getByRole('img', { name: /^3D view of/ });
    await stage.focus();
    const radius = (camera: { position: number[]; target: number[] }) => distance(camera.position, camera.target);
    await page.keyboard.press('ArrowLeft');
    const turned = await view(page);
    expect(radius(turned)).toBeCloseTo(radius(initial), 6);
    // A 15° turn around the vertical through the orbit centre.
    const bearing = (camera: { position: number[]; target: number[] }) =>
      Math.atan2(camera.position[0]! - camera.target[0]!, camera.position[2]! - camera.target[2]!);
    expect(Math.abs(bearing(turned) - bearing(initial))).toBeCloseTo(Math.PI / 12, 4);
    await page.keyboard.press('ArrowRight');
    expect(distance((await view(page)).position, initial.position)).toBeLessThan(1e-6);
    await page.keyboard.press('ArrowUp');
    expect((await view(page)).position[1]).toBeGreaterThan(initial.position[1]! + 0.001);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('+');
    expect(radius(await view(page))).toBeCloseTo(radius(initial) / 1.25, 6);
    await page.keyboard.press('-');
    expect(radius(await view(page))).toBeCloseTo(radius(initial), 6);
    await page.keyboard.press('Shift+ArrowRight');
    const panned = await view(page);
    expect(panned.target[0]).toBeGreaterThan(initial.target[0]! + 0.001);
    expect(radius(panned)).toBeCloseTo(radius(initial), 6);
    // The page did not scroll under the arrows.
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(async () => distance((await view(page)).position, initial.position)).toBeLessThan(1e-6);
  });

  it('measures from the keyboard: the point under the centre mark, on each side of the tablet', async () => {
    // A page of its own: the view starts from the framing, whatever the tests before did.
    const { page, context, pageErrors } = await openIsolatedPage();
    await withProbe(context);
    await openTablet(page);
    await settle(page, 300);
    const triangles = await worldTriangles(derivativeFile('tablet', 'mobile'));
    const stage = page.getByRole('img', { name: /^3D view of/ });
    await page.getByRole('button', { name: 'Measure' }).click();
    await expect(page.locator('.vitrine-centre-mark').count()).resolves.toBe(1);
    await stage.focus();
    const hits: Vector3[] = [];
    // Six presses turn a quarter: the centre mark on the tablet's left side, then its right.
    for (const [key, presses] of [
      ['ArrowLeft', 6],
      ['ArrowRight', 12],
    ] as const) {
      for (let press = 0; press < presses; press++) await page.keyboard.press(key);
      await settle(page, 300);
      // The centre of the view is where the camera looks: the ray from it through the orbit centre.
      const camera = await view(page);
      const origin = new Vector3().fromArray(camera.position);
      const ray = new Ray(origin, new Vector3().fromArray(camera.target).sub(origin).normalize());
      try {
        hits.push(nearestHit(ray, triangles));
      } catch (error) {
        throw new Error(
          `${String(error)} after ${key}: camera ${JSON.stringify(camera.position)} → ${JSON.stringify(camera.target)}`,
          { cause: error },
        );
      }
      await page.keyboard.press('Enter');
      if (hits.length === 1) {
        await expect.poll(() => page.locator('.vitrine-readout').textContent()).toBe('Now pick the second point.');
      }
    }
    const readout = page.locator('[data-measured-metres]');
    await readout.waitFor();
    const measured = Number(await readout.getAttribute('data-measured-metres'));
    const truth = hits[0]!.distanceTo(hits[1]!);
    console.log(`keyboard: measured ${measured.toFixed(5)} m; independent raycast ${truth.toFixed(5)} m`);
    expect(Math.abs(measured - truth) / truth).toBeLessThan(0.01);
    // Side to side is the tablet's width.
    expect(Math.abs(measured - TABLET.width) / TABLET.width).toBeLessThan(0.03);
    await page.keyboard.press('Escape');
    await expect(page.locator('.vitrine-centre-mark').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
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
    const triangles = await worldTriangles(derivativeFile('tablet', 'mobile'));
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

describe('mounting and unmounting', () => {
  it('leaves no renderer, scene, WebGL context or heap behind after 20 mounts', { timeout: 400_000 }, async () => {
    const { page, context, pageErrors } = await openIsolatedPage();
    await withProbe(context);
    const contextWarnings: string[] = [];
    page.on('console', (message) => {
      if (/WebGL context|Too many active/i.test(message.text())) contextWarnings.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    const heapAfterGc = async () => {
      await page.waitForTimeout(1000); // R3F tears the renderer down a task after unmounting
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return { used: usedSize, objects: await heapObjectBytes(cdp) };
    };
    // In-app navigation, as the gallery's links do: the artefact page mounts the viewer,
    // the gallery unmounts it.
    const navigate = (search: string) =>
      page.evaluate((query) => {
        history.pushState(null, '', query || location.pathname);
        dispatchEvent(new PopStateEvent('popstate'));
      }, search);
    const mountAndUnmount = async () => {
      await navigate('?artefact=tablet');
      await viewerOf(page).and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
      await settle(page, 300);
      const memory = await probe<{ geometries: number; textures: number; programs: number }>(page, 'memory');
      await navigate('');
      await expect.poll(() => viewerOf(page).count()).toBe(0);
      return memory;
    };
    await page.goto(baseURL);
    await page.locator('[data-artefact-id]').first().waitFor();
    // The first mounts compile code and create the page's shared decoders and caches (their
    // one-time ~3 MiB has landed after the first mount on some runs, after the second on
    // others); count from after three.
    const first = await mountAndUnmount();
    for (let i = 0; i < 2; i++) await mountAndUnmount();
    const heapBefore = await heapAfterGc();
    const memories: { geometries: number; textures: number; programs: number }[] = [];
    const retiredCount = () => page.evaluate(() => (window as DebugWindow).__vitrineDebug?.retired?.length ?? 0);
    let beforeLast = 0;
    for (let i = 0; i < 20; i++) {
      beforeLast = await retiredCount();
      memories.push(await mountAndUnmount());
    }
    const heapAfter = await heapAfterGc();
    const retired = await page.evaluate((last) => {
      const refs = (window as DebugWindow).__vitrineDebug?.retired ?? [];
      const alive = (ref: WeakRef<object>) => ref.deref() !== undefined;
      return {
        total: refs.length,
        alive: refs.filter(alive).length,
        aliveBeforeLast: refs.slice(0, last).filter(alive).length,
      };
    }, beforeLast);
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
    const growth = (heapAfter.objects - heapBefore.objects) / 2 ** 20;
    console.log(
      `20 mounts: GPU memory at each ready ${JSON.stringify(first)}; JS heap used ${mib(heapBefore.used)} → ` +
        `${mib(heapAfter.used)} MiB, of which objects (not compiled code) ${mib(heapBefore.objects)} → ` +
        `${mib(heapAfter.objects)} MiB; ` +
        `renderers and scenes alive after GC: ${retired.alive} of ${retired.total}, ` +
        `${retired.aliveBeforeLast} from mounts before the last`,
    );
    console.log(`GPU memory of each mount: ${memories.map((memory) => JSON.stringify(memory)).join(' ')}`);
    // Every mount holds what the first held: nothing accumulates in a renderer. Shader
    // programs may differ by one: the first frames have plain lights until the studio
    // environment is built, and whether the target was drawn under them depends on timing.
    for (const { programs, ...memory } of memories) {
      const { programs: firstPrograms, ...firstMemory } = first;
      expect(memory).toEqual(firstMemory);
      expect(Math.abs(programs - firstPrograms)).toBeLessThanOrEqual(1);
    }
    // Renderers, R3F scenes and loaded artefact scenes are all collected. R3F's frame loop
    // keeps the state of the last root it rendered in a module variable until another
    // canvas renders, so the last mount's may live on: one, never an accumulation.
    expect(retired.total).toBeGreaterThanOrEqual(20 * 3);
    expect(retired.aliveBeforeLast).toBe(0);
    // One tablet scene is ~2 MiB of arrays; even one leaked a mount would show plainly. The
    // heap's compiled code grows as V8 optimizes with use: that is not counted.
    expect(growth).toBeLessThan(1);
    // Chromium warns and drops the oldest context past ~16 live ones: none may be left live.
    expect(contextWarnings).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
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

    // Two fingers turning 30° clockwise about the centre turn the artefact 30° clockwise
    // seen from above: the camera goes round the other way.
    await page.getByRole('button', { name: 'Reset view' }).click();
    await settle(page, 300);
    const straight = await view(page);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const fingers = (degrees: number) =>
      [0, 180].map((offset) => {
        const angle = ((degrees + offset) * Math.PI) / 180;
        return { x: centre.x + 90 * Math.cos(angle), y: centre.y + 90 * Math.sin(angle), id: offset };
      });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(0) });
    for (let degrees = 5; degrees <= 30; degrees += 5) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(degrees) });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await settle(page, 300);
    const twisted = await view(page);
    const bearing = (camera: { position: number[]; target: number[] }) =>
      Math.atan2(camera.position[0]! - camera.target[0]!, camera.position[2]! - camera.target[2]!);
    // Within a fifth: the browser may coalesce the moves with the orbit controls' own handling.
    const turned = ((bearing(twisted) - bearing(straight)) * 180) / Math.PI;
    expect(turned).toBeGreaterThan(24);
    expect(turned).toBeLessThan(36);
    await context.close();
  });
});
