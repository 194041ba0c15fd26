import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, coveredFraction, keepScreenshot, openIsolatedPage } from './browser.js';

const baseURL = inject('baseURL');
/** The viewer's default stage colour, #ebe7e0. */
const STAGE_BACKGROUND: [number, number, number] = [0xeb, 0xe7, 0xe0];

afterAll(closeBrowser);

describe('the demo app in Chromium', () => {
  it('lists the sample collection in the gallery, each card a named link', async () => {
    const { page, context, pageErrors } = await openIsolatedPage();
    await page.goto(baseURL);
    const cards = page.locator('[data-artefact-id]');
    await cards.first().waitFor();
    const ids = await cards.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-artefact-id')),
    );
    expect(ids).toContain('amphora');
    await expect(page.getByRole('link', { name: 'Open Amphora' }).count()).resolves.toBe(1);
    // Each card shows the poster the ingest rendered with the viewer.
    const poster = page.locator('[data-artefact-id="amphora"] img');
    await expect
      .poll(() => poster.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), {
        timeout: 10_000,
      })
      .toBe(1024);
    await keepScreenshot(page, 'gallery');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it.each(['amphora', 'bust', 'tablet'])(
    'draws %s: data-state reaches ready and the centre of the viewer is not background',
    async (id) => {
      const { page, context, pageErrors } = await openIsolatedPage();
      await page.goto(`${baseURL}?artefact=${id}`);
      const viewer = page.locator('[data-vitrine-viewer]');
      await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
      await expect(viewer.getAttribute('data-lod')).resolves.toBe('mobile');
      const box = (await viewer.boundingBox())!;
      const { png } = await keepScreenshot(page, `artefact-${id}`);
      const covered = await coveredFraction(png, box, STAGE_BACKGROUND);
      expect(covered, 'share of the viewer centre covered by the artefact').toBeGreaterThan(0.3);
      // The corners stay background, so the check above is about the artefact, not a blank canvas.
      const cornerCovered = await coveredFraction(
        png,
        { x: box.x, y: box.y, width: box.width / 6, height: box.height / 6 },
        STAGE_BACKGROUND,
      );
      expect(cornerCovered).toBeLessThan(0.05);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it('reaches ready with every request to another host aborted, and makes none', async () => {
    const { page, context, offsiteRequests } = await openIsolatedPage();
    await page.goto(`${baseURL}?artefact=amphora`);
    await page.locator('[data-vitrine-viewer][data-state="ready"]').waitFor({ timeout: 90_000 });
    expect(offsiteRequests).toEqual([]);
    await context.close();
  });

  it('says so when the artefact id is unknown', async () => {
    const { page, context } = await openIsolatedPage();
    await page.goto(`${baseURL}?artefact=no-such-thing`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('no-such-thing');
    await context.close();
  });
});
