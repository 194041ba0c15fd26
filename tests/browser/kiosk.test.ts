import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.js';
import { closeBrowser, coveredFraction, keepScreenshot, openIsolatedPage } from './browser.js';
import { heapObjectBytes, probe, settle, withProbe } from './viewer-stage-helpers.js';

const baseURL = inject('baseURL');
/** The viewer's default stage colour, #ebe7e0. */
const STAGE_BACKGROUND: [number, number, number] = [0xeb, 0xe7, 0xe0];
const IDS = ['amphora', 'bust', 'tablet'];
/**
 * Artefact switches in the memory test. SwiftShader decodes and uploads each textured
 * derivative in 3–7 s, so the suite makes 19 (about a minute and a half);
 * `VITRINE_KIOSK_SWITCHES=100 npx vitest run tests/browser/kiosk.test.ts` is the full soak.
 * One more than a multiple of three, so the last switch shows what the tenth showed.
 */
const SWITCHES = Number(process.env.VITRINE_KIOSK_SWITCHES) || 19;

afterAll(closeBrowser);

const viewerOf = (page: Page) => page.locator('[data-vitrine-viewer]');
const ready = (page: Page) => viewerOf(page).and(page.locator('[data-state="ready"]'));
const kioskState = (page: Page) => page.evaluate(() => document.documentElement.dataset.kiosk);
const shownArtefact = (page: Page) => page.evaluate(() => new URLSearchParams(location.search).get('artefact'));

async function artefactCovers(page: Page): Promise<number> {
  const box = (await viewerOf(page).boundingBox())!;
  const { png } = await keepScreenshot(page, 'kiosk-after-context-loss');
  return coveredFraction(png, box, STAGE_BACKGROUND);
}

describe('kiosk mode', () => {
  it('starts over when nobody touches it: first artefact, browser language, idle loop, and wakes on a touch', async () => {
    const { page, context, pageErrors, offsiteRequests } = await openIsolatedPage({ width: 1280, height: 900 });
    await page.goto(`${baseURL}?artefact=bust&kiosk=8&attract-seconds=4`);
    await ready(page).waitFor({ timeout: 90_000 });
    // Loading may take longer than the idle time, and the kiosk starts its idle loop then;
    // a touch brings it back.
    await page.mouse.click(20, 300);
    await expect.poll(() => kioskState(page)).toBe('on');
    if ((await shownArtefact(page)) !== 'bust') {
      await page.getByRole('link', { name: 'Back to the collection' }).click();
      await page.getByRole('link', { name: 'Open Marble bust' }).click();
      await ready(page).waitFor({ timeout: 90_000 });
    }
    // The visitor picks French; links keep kiosk mode; the share link is not offered.
    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(new URL(page.url()).searchParams.get('kiosk')).toBe('8');
    await expect(page.locator('[data-share]').count()).resolves.toBe(0);
    // A link out (the licence) does nothing on a kiosk.
    const licence = page.locator('[data-field="license"] a');
    await licence.click();
    expect(context.pages()).toHaveLength(1);
    expect(await shownArtefact(page)).toBe('bust');

    // Eight idle seconds later: the first artefact, in the browser's language, turning.
    await expect.poll(() => kioskState(page), { timeout: 15_000 }).toBe('attract');
    expect(await shownArtefact(page)).toBe('amphora');
    expect(new URL(page.url()).searchParams.has('kiosk')).toBe(true);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.getByRole('status').filter({ hasText: 'Touch the screen to explore' }).count()).resolves.toBe(1);
    await ready(page).waitFor({ timeout: 90_000 });
    await keepScreenshot(page, 'kiosk-attract');
    // The idle loop moves on to the next artefact by itself.
    await expect.poll(() => shownArtefact(page), { timeout: 20_000 }).toBe('bust');
    // A touch ends the loop where it is.
    await page.mouse.click(20, 300);
    await expect.poll(() => kioskState(page)).toBe('on');
    await page.mouse.move(30, 300);
    expect(await axeViolations(page), 'kiosk page').toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
    await context.close();
  });

  it('draws the artefact again after the WebGL context is lost and restored', async () => {
    const { page, context, pageErrors } = await openIsolatedPage({ width: 1000, height: 800 });
    await page.goto(`${baseURL}?artefact=amphora&kiosk`);
    await ready(page).waitFor({ timeout: 90_000 });
    expect(await artefactCovers(page)).toBeGreaterThan(0.3);
    await page.evaluate(() => {
      const canvas = document.querySelector('[data-vitrine-viewer] canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2')!;
      const lose = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { restoreContext: () => void }).restoreContext = () => lose.restoreContext();
      lose.loseContext();
    });
    await page.waitForTimeout(500);
    await page.evaluate(() => (window as unknown as { restoreContext: () => void }).restoreContext());
    await ready(page).waitFor({ timeout: 90_000 });
    await expect.poll(() => artefactCovers(page), { timeout: 30_000 }).toBeGreaterThan(0.3);
    expect(pageErrors.filter((error) => !/CONTEXT_LOST/.test(error))).toEqual([]);
    await context.close();
  });

  it(`switches artefacts ${SWITCHES} times without growing memory`, { timeout: 900_000 }, async () => {
    expect(SWITCHES % IDS.length, 'the last switch shows the same artefact as the tenth').toBe(10 % IDS.length);
    const { page, context, pageErrors } = await openIsolatedPage({ width: 640, height: 480 });
    await withProbe(context);
    const cdp = await context.newCDPSession(page);
    await page.goto(`${baseURL}?artefact=amphora&kiosk=3600`);
    await ready(page).waitFor({ timeout: 90_000 });
    const show = async (id: string) => {
      await page.evaluate((artefact) => {
        history.pushState(null, '', `?artefact=${artefact}&kiosk=3600`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, id);
      await expect.poll(() => viewerOf(page).getAttribute('data-state'), { timeout: 60_000 }).toBe('loading');
      await ready(page).waitFor({ timeout: 60_000 });
    };
    const measure = async () => {
      await settle(page, 300);
      await page.waitForTimeout(1000); // R3F tears the old renderer down a task after unmounting
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const gpu = await probe<{ geometries: number; textures: number; programs: number }>(page, 'memory');
      return { used: usedSize, objects: await heapObjectBytes(cdp), gpu };
    };
    const started = Date.now();
    let afterTen: Awaited<ReturnType<typeof measure>> | undefined;
    for (let switches = 1; switches <= SWITCHES; switches++) {
      await show(IDS[switches % IDS.length]!);
      // The tenth and the last switch show the same artefact, measured the same way.
      if (switches === 10) afterTen = await measure();
    }
    const atEnd = await measure();
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
    console.log(
      `${SWITCHES} switches in ${((Date.now() - started) / 1000).toFixed(0)} s: JS heap used ${mib(afterTen!.used)} → ` +
        `${mib(atEnd.used)} MiB (objects ${mib(afterTen!.objects)} → ${mib(atEnd.objects)} MiB); ` +
        `renderer.info.memory ${JSON.stringify(afterTen!.gpu)} → ${JSON.stringify(atEnd.gpu)}`,
    );
    // Shader programs may differ by one (the first frames' plain lights; see viewer-stage.test.ts).
    const { programs: programsAtEnd, ...gpuAtEnd } = atEnd.gpu;
    const { programs: programsAfterTen, ...gpuAfterTen } = afterTen!.gpu;
    expect(gpuAtEnd).toEqual(gpuAfterTen);
    expect(Math.abs(programsAtEnd - programsAfterTen)).toBeLessThanOrEqual(1);
    // One artefact's scene is megabytes of arrays: a leak of one a switch would show as tens of MiB.
    expect((atEnd.objects - afterTen!.objects) / 2 ** 20).toBeLessThan(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
