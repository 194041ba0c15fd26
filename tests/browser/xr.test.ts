// VR and AR through Meta's Immersive Web Emulation Runtime (a Quest 3 and a synthetic
// office with planes and hit-test), which the app installs for `?emulate=quest3`. The tests
// drive the emulated headset and controllers with IWER's remote control, as a person
// would: aim, press, move, release.
import type { Page } from 'playwright-core';
import { DEFAULT_PROFILES } from '@vitrine/core';
import { afterAll, describe, expect, inject, it } from 'vitest';
// Type-only: declares window.__vitrineDebug and window.vitrineXrEmulator for page.evaluate.
import type {} from '../../packages/viewer/src/xr/install-xr-emulator.js';
import type { ViewerProbe } from '../../packages/viewer/src/stage/DebugProbe.js';
import { closeBrowser, coveredFraction, keepScreenshot, openIsolatedPage } from './browser.js';

const baseURL = inject('baseURL');
/** The amphora sample's size from its manifest (m): what AR must show at 1:1. */
type Vec3 = [number, number, number];

afterAll(closeBrowser);

/** The `vr` profile's triangle budget (packages/core profiles): the artefact, plinth, room and controllers together. */
const VR_TRIANGLE_BUDGET = DEFAULT_PROFILES.vr!.maxTriangles;

async function openEmulated(page: Page, artefact = 'amphora') {
  await page.addInitScript(() => {
    window.__vitrineDebug = {};
  });
  await page.goto(`${baseURL}?artefact=${artefact}&emulate=quest3`);
  await page.locator('[data-vitrine-viewer][data-state="ready"]').waitFor({ timeout: 90_000 });
}

/** Sends one command to the emulated device (IWER's remote control). */
function remote(page: Page, method: string, params: Record<string, unknown> = {}) {
  return page.evaluate(([method, params]) => window.vitrineXrEmulator!.remote.dispatch(method, params), [
    method,
    params,
  ] as const);
}

function probe<T>(page: Page, read: (probe: ViewerProbe) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})(window.__vitrineDebug.viewers.at(-1))`) as Promise<T>;
}

/** The emulated session draws a few frames a second on SwiftShader: the 3D scene follows the page slowly. */
const SLOW = { timeout: 15_000 };

const objectAt = (page: Page, name: string) =>
  page.evaluate((name) => window.__vitrineDebug!.viewers!.at(-1)!.object(name), name);

/**
 * Whether any script the page loaded holds the XR session code: @react-three/xr (its
 * error text survives minification) or the viewer's own VR stage.
 */
async function xrCodeLoaded(page: Page, scripts: readonly string[]): Promise<boolean> {
  for (const url of scripts) {
    const text = await page.evaluate((url) => fetch(url).then((response) => response.text()), url);
    if (text.includes('can only be used inside the <XR> component') || text.includes('vr-plinth')) return true;
  }
  return false;
}

/**
 * A trigger press and release. Long enough that the emulator's frame loop (slow on
 * SwiftShader) sees the trigger down in one frame and up in a later one; a press and
 * release inside one frame makes no select at all.
 */
const SELECT = { device: 'controller-right', duration: 0.8 };

describe('XR with an emulated Quest 3', () => {
  it('enters VR, opens a hotspot with a controller ray, grabs the artefact, and comes back to the same view', async () => {
    const { page, context, offsiteRequests, pageErrors } = await openIsolatedPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await openEmulated(page);
    const viewer = page.locator('[data-vitrine-viewer]');
    await expect(viewer.getAttribute('data-xr')).resolves.toBe('none');
    // The XR code is not part of the page until the visitor asks for it.
    expect(await xrCodeLoaded(page, scripts)).toBe(false);
    const before = await probe(page, (viewer) => viewer.view().position);

    await page.locator('[data-xr-enter="vr"]').click();
    await page.locator('[data-vitrine-viewer][data-xr="vr"]').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await xrCodeLoaded(page, scripts)).toBe(true);

    // The artefact stands on its plinth, in front of the visitor, base above the floor.
    await expect.poll(() => objectAt(page, 'vr-plinth'), SLOW).toMatchObject({ visible: true });
    const artefact = (await objectAt(page, 'vitrine-artefact'))!.position as Vec3;
    expect(artefact[1]).toBeGreaterThan(0.5);
    expect(artefact[2]).toBeLessThan(-0.4);

    // Aim the right controller's ray at hotspot 1 and press the trigger: its panel opens.
    const warriors = (await objectAt(page, 'hotspot-warriors'))!;
    expect(warriors.visible).toBe(true);
    await remote(page, 'set_transform', { device: 'controller-right', position: { x: 0.15, y: 1.3, z: -0.2 } });
    await remote(page, 'look_at', { device: 'controller-right', target: xyz(warriors.position as Vec3) });
    // A few emulated frames for the ray to find the hotspot before the trigger goes down; on
    // a busy machine the press can still come first, and then the visitor presses again.
    for (let press = 0; press < 3; press++) {
      await page.waitForTimeout(1000);
      await remote(page, 'select', SELECT);
      const opened = await expect
        .poll(() => viewer.getAttribute('data-annotation-open'), { timeout: 5_000 })
        .toBe('warriors')
        .then(() => true)
        .catch(() => false);
      if (opened) break;
    }
    await expect.poll(() => viewer.getAttribute('data-annotation-open'), SLOW).toBe('warriors');
    await expect.poll(() => objectAt(page, 'vr-annotation-panel'), SLOW).toMatchObject({ visible: true });
    await keepScreenshot(page, 'xr-vr-panel');

    // Grab the artefact below the hotspots (trigger held), move the controller 20 cm to the
    // right, let go: the artefact has followed.
    const belly: Vec3 = [artefact[0], artefact[1] + 0.04, artefact[2]];
    await remote(page, 'set_transform', { device: 'controller-right', position: { x: 0.1, y: 1.1, z: -0.1 } });
    await remote(page, 'look_at', { device: 'controller-right', target: xyz(belly) });
    await page.waitForTimeout(1000);
    await remote(page, 'set_select_value', { device: 'controller-right', value: 1 });
    await page.waitForTimeout(500);
    await remote(page, 'animate_to', {
      device: 'controller-right',
      position: { x: 0.3, y: 1.1, z: -0.1 },
      duration: 0.5,
    });
    await remote(page, 'set_select_value', { device: 'controller-right', value: 0 });
    const moved = (await objectAt(page, 'vitrine-artefact'))!.position as Vec3;
    expect(moved[0] - artefact[0]).toBeGreaterThan(0.05);

    // What a frame in VR costs, for the note (both eyes).
    const frame = await probe(page, (viewer) => viewer.lastFrame());
    console.log(`VR frame (amphora, mobile derivative): ${frame.calls} draw calls, ${frame.triangles} triangles`);

    await remote(page, 'end_session');
    await page.locator('[data-vitrine-viewer][data-xr="none"]').waitFor({ timeout: 30_000 });
    // Back in the browser: the artefact where it was, the camera where the visitor left it,
    // the annotation still open, and the stage drawn.
    expect((await objectAt(page, 'vitrine-artefact'))!.position).toEqual([0, 0, 0]);
    await expect.poll(() => probe(page, (viewer) => viewer.view().position), SLOW).toEqual(before);
    await expect(viewer.getAttribute('data-annotation-open')).resolves.toBe('warriors');
    const box = (await page.locator('[data-vitrine-viewer] canvas').boundingBox())!;
    await page.waitForTimeout(300);
    const { png } = await keepScreenshot(page, 'xr-back-from-vr');
    const centre = {
      x: box.x + box.width * 0.35,
      y: box.y + box.height * 0.3,
      width: box.width * 0.3,
      height: box.height * 0.4,
    };
    expect(await coveredFraction(png, centre, [0xeb, 0xe7, 0xe0])).toBeGreaterThan(0.3);

    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('enters AR in a synthetic room and places the artefact on the floor at its true size', async () => {
    const { page, context, offsiteRequests, pageErrors } = await openIsolatedPage();
    await openEmulated(page);
    const manifest = await page.evaluate(() =>
      fetch('collection/amphora/artefact.json').then((response) => response.json()),
    );
    const { width, height, depth } = manifest.dimensions as { width: number; height: number; depth: number };

    await page.locator('[data-xr-enter="ar"]').click();
    await page.locator('[data-vitrine-viewer][data-xr="ar"]').waitFor({ state: 'attached', timeout: 30_000 });
    // Nothing is shown where the visitor stands before it is placed.
    await expect.poll(() => objectAt(page, 'vitrine-exhibit'), SLOW).toMatchObject({ visible: false });

    // Look at the floor a metre and a half ahead: the reticle finds it.
    await remote(page, 'look_at', { device: 'headset', target: { x: 0, y: 0, z: -1.5 } });
    await expect.poll(() => objectAt(page, 'ar-reticle'), SLOW).toMatchObject({ visible: true });
    const reticle = (await objectAt(page, 'ar-reticle'))!.position as Vec3;

    await remote(page, 'select', SELECT);
    await page.locator('[data-ar-placed]').waitFor({ state: 'attached', timeout: 10_000 });
    // The 3D scene follows the page's state a frame later.
    await expect.poll(() => objectAt(page, 'vitrine-exhibit'), SLOW).toMatchObject({ visible: true });
    const placed = (await objectAt(page, 'vitrine-exhibit'))!;
    expect(placed.position[1]).toBeCloseTo(reticle[1], 2);
    // True size: the artefact's box in the room is the manifest's, within 1 %.
    const size = await probe(page, (viewer) => viewer.artefactSize());
    expect(Math.abs(size[0]! / width - 1)).toBeLessThan(0.01);
    expect(Math.abs(size[1]! / height - 1)).toBeLessThan(0.01);
    expect(Math.abs(size[2]! / depth - 1)).toBeLessThan(0.01);
    await expect(page.locator('.vitrine-ar-controls [role="status"]').textContent()).resolves.toMatch(/^True size/);

    // The emulator draws its own view over the page, so the overlay's button is pressed
    // by its event rather than by a pointer at its place on screen.
    await page.getByRole('button', { name: 'Exit' }).dispatchEvent('click');
    await page.locator('[data-vitrine-viewer][data-xr="none"]').waitFor({ timeout: 30_000 });
    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it("draws each sample in VR within the vr profile's triangle budget, in few draw calls", async () => {
    const rows: string[] = [];
    for (const artefact of ['amphora', 'bust', 'tablet']) {
      const { page, context, offsiteRequests, pageErrors } = await openIsolatedPage();
      await openEmulated(page, artefact);
      await page.locator('[data-xr-enter="vr"]').click();
      await page.locator('[data-vitrine-viewer][data-xr="vr"]').waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(() => objectAt(page, 'vr-plinth'), SLOW).toMatchObject({ visible: true });
      // A few frames with everything loaded (controllers, hotspot numbers).
      await page.waitForTimeout(2000);
      const { calls, triangles } = await probe(page, (viewer) => viewer.lastFrame());
      const lod = await page.locator('[data-vitrine-viewer]').getAttribute('data-lod');
      // The emulated Quest 3 draws both eyes in one frame.
      rows.push(`${artefact} (${lod}): ${calls} draw calls, ${triangles} triangles a frame (${triangles / 2} an eye)`);
      expect(triangles / 2).toBeLessThanOrEqual(VR_TRIANGLE_BUDGET);
      expect(calls).toBeLessThan(100);
      expect(offsiteRequests).toEqual([]);
      expect(pageErrors).toEqual([]);
      await context.close();
    }
    console.log(`VR frame cost (budget ${VR_TRIANGLE_BUDGET} triangles an eye):\n${rows.join('\n')}`);
  });

  it('offers no XR control without a device, and never installs the emulator without the flag', async () => {
    const { page, context } = await openIsolatedPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(`${baseURL}?artefact=amphora`);
    await page.locator('[data-vitrine-viewer][data-state="ready"]').waitFor({ timeout: 90_000 });
    await expect(page.locator('[data-xr-enter]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => window.vitrineXrEmulator === undefined)).resolves.toBe(true);
    // A desktop without AR offers the phone instead.
    await expect(page.getByRole('button', { name: 'View on your phone' }).count()).resolves.toBe(1);
    expect(await xrCodeLoaded(page, scripts)).toBe(false);
    await context.close();
  });
});

function xyz([x, y, z]: Vec3) {
  return { x, y, z };
}
