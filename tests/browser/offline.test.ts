import { readFileSync } from 'node:fs';
import path from 'node:path';
import { artefactSchema, type Artefact } from '@vitrine/core';
import type { Response } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { COLLECTION_DIR } from '../../tools/collection/prepare-sample-collection.js';
import { closeBrowser, coveredFraction, keepScreenshot, openIsolatedPage } from './browser.js';

const baseURL = inject('baseURL');
/** The viewer's default stage colour, #ebe7e0. */
const STAGE_BACKGROUND: [number, number, number] = [0xeb, 0xe7, 0xe0];
const SETTLED = ['ready', 'incomplete', 'failed', 'unsupported'];

afterAll(closeBrowser);

/** The sample artefact's manifest, as served: files are named by their content, so tests read the names from it. */
function manifestOf(id: string): Artefact {
  return artefactSchema.parse(JSON.parse(readFileSync(path.join(COLLECTION_DIR, id, 'artefact.json'), 'utf8')));
}

function derivativeUrl(artefact: Artefact, profile: string): string {
  return artefact.derivatives.find((derivative) => derivative.profile === profile)!.url;
}

describe('offline support for kiosks', () => {
  it('after one load in kiosk mode, a reload with the network blocked still shows the artefact and the gallery', async () => {
    const { page, context, offsiteRequests, pageErrors } = await openIsolatedPage();
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const offlineState = () => page.evaluate(() => ({ ...document.documentElement.dataset }));
    const viewer = page.locator('[data-vitrine-viewer]');

    // Online: the app registers its service worker and caches the app and the collection.
    await page.goto(`${baseURL}?artefact=amphora&kiosk`);
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
    await expect
      .poll(async () => (await offlineState()).offline, { timeout: 90_000 })
      .toSatisfy((state) => SETTLED.includes(String(state)));
    const online = await offlineState();
    expect(online.offline, warnings.join('\n')).toBe('ready');
    console.log(`cached for offline use: ${online.offlineFiles} files, ${online.offlineBytes} bytes`);
    expect(Number(online.offlineFiles)).toBeGreaterThan(40);

    // Offline: the page, its code, the manifest and the derivatives all come from the caches.
    await context.setOffline(true);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.reload();
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
    await expect(viewer.getAttribute('data-lod')).resolves.toBe('mobile');
    const box = (await viewer.boundingBox())!;
    const { png } = await keepScreenshot(page, 'offline-artefact');
    expect(await coveredFraction(png, box, STAGE_BACKGROUND), 'share of the viewer centre covered').toBeGreaterThan(
      0.3,
    );
    const mobile = derivativeUrl(manifestOf('amphora'), 'mobile');
    const derivative = responses.find((response) => response.url().endsWith(`/amphora/${mobile}`));
    expect(derivative?.fromServiceWorker()).toBe(true);
    // What is kept: the thumb and mobile derivatives (this window's screen gets mobile),
    // media, posters and JSON; no desktop, VR or AR files.
    const cached = await page.evaluate(cachedFiles);
    const collection = Object.keys(cached).filter((url) => url.includes('/collection/'));
    for (const id of ['amphora', 'bust', 'tablet']) {
      const manifest = manifestOf(id);
      const kept = [
        'artefact.json',
        manifest.poster!,
        derivativeUrl(manifest, 'thumb'),
        derivativeUrl(manifest, 'mobile'),
      ];
      for (const file of kept) expect(collection).toContain(`${baseURL}collection/${id}/${file}`);
    }
    expect(collection.filter((url) => /\/(desktop|vr|android-ar)\.[0-9a-f]{12}\.glb$|\.usdz$/.test(url))).toEqual([]);
    expect(collection.some((url) => url.endsWith('.wav'))).toBe(true);
    const bytes = (urls: string[]) => urls.reduce((sum, url) => sum + cached[url]!, 0);
    const shell = Object.keys(cached).filter((url) => !url.includes('/collection/'));
    console.log(
      `app: ${shell.length} files, ${bytes(shell)} bytes; collection: ${collection.length} files, ${bytes(collection)} bytes`,
    );
    // A media element's Range request is answered from the cached whole file.
    const range = await page.evaluate(
      async (url) => {
        const response = await fetch(url, { headers: { Range: 'bytes=0-9' } });
        return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
      },
      `${baseURL}collection/amphora/${manifestOf('amphora').poster!}`,
    );
    expect(range).toEqual({ status: 206, bytes: 10 });

    // Asked again offline, the page finds everything in place.
    await expect
      .poll(async () => (await offlineState()).offline, { timeout: 30_000 })
      .toSatisfy((state) => SETTLED.includes(String(state)));
    expect((await offlineState()).offline, warnings.join('\n')).toBe('ready');

    // The gallery, still offline and out of kiosk mode: every card with its poster.
    await page.goto(baseURL);
    const cards = page.locator('[data-artefact-id]');
    await cards.first().waitFor({ timeout: 30_000 });
    const ids = await cards.evaluateAll((elements) => elements.map((element) => element.dataset.artefactId));
    expect(ids).toEqual(expect.arrayContaining(['amphora', 'bust', 'tablet']));
    for (const id of ids) {
      const poster = page.locator(`[data-artefact-id="${id}"] img`);
      await poster.scrollIntoViewIfNeeded();
      await expect
        .poll(() => poster.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), {
          timeout: 10_000,
        })
        .toBeGreaterThan(0);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await keepScreenshot(page, 'offline-gallery');

    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);
});

/** Every file in the page's caches and its size (runs in the page). */
async function cachedFiles(): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (response) sizes[request.url] = (await response.blob()).size;
    }
  }
  return sizes;
}
