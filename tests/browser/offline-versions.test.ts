import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artefactSchema, contentHashedName, type Artefact, type Derivative } from '@vitrine/core';
import type { Page, Response } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { serveCollection, type RunningSite } from '@vitrine/cli/node';
import { COLLECTION_DIR } from '../../tools/collection/prepare-sample-collection.js';
import { closeBrowser, openIsolatedPage } from './browser.js';

/**
 * A kiosk across two versions of an artefact. Each test serves its own copy of the sample
 * collection with `vitrine serve`'s server, and "re-ingests" amphora by writing what a
 * re-ingest writes: a derivative under a new content-hashed name, and an artefact.json
 * naming it (the new derivative is another sample's model, so it is a real GLB).
 */

const SETTLED = ['ready', 'incomplete', 'failed', 'unsupported'];
const A_YEAR = 'public, max-age=31536000, immutable';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let served: (RunningSite & { folder: string }) | undefined;

afterEach(async () => {
  await served?.close();
  if (served) rmSync(served.folder, { recursive: true, force: true });
  served = undefined;
});
afterAll(closeBrowser);

async function serveCopy(): Promise<RunningSite & { folder: string }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'vitrine-versions-'));
  cpSync(COLLECTION_DIR, folder, { recursive: true });
  served = { folder, ...(await serveCollection({ collection: folder, port: 0, host: '127.0.0.1', edit: false })) };
  return served;
}

function readManifest(folder: string, id: string): Artefact {
  return artefactSchema.parse(JSON.parse(readFileSync(path.join(folder, id, 'artefact.json'), 'utf8')));
}

const mobileOf = (artefact: Artefact) => artefact.derivatives.find((derivative) => derivative.profile === 'mobile')!;

/** Gives `id` the mobile model of `from`, under its own content-hashed name, as a re-ingest would. */
function reingestMobile(folder: string, id: string, from: string): Derivative {
  const source = mobileOf(readManifest(folder, from));
  const bytes = readFileSync(path.join(folder, from, source.url));
  expect(sha256(bytes)).toBe(source.sha256);
  const derivative = { ...source, url: contentHashedName('mobile', source.sha256, 'glb') };
  writeFileSync(path.join(folder, id, derivative.url), bytes);
  const manifest = readManifest(folder, id);
  manifest.derivatives = manifest.derivatives.map((entry) => (entry.profile === 'mobile' ? derivative : entry));
  writeFileSync(path.join(folder, id, 'artefact.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return derivative;
}

const viewer = (page: Page) => page.locator('[data-vitrine-viewer]');
/** Waits until the viewer has drawn its artefact, or failed to: a failure says so at once. */
async function ready(page: Page): Promise<void> {
  const settled = viewer(page).and(page.locator('[data-state="ready"], [data-state="error"]'));
  await settled.waitFor({ timeout: 90_000 });
  expect(await viewer(page).getAttribute('data-state'), await viewer(page).innerText()).toBe('ready');
}

/** The page's offline state once its precaching has finished, for better or worse. */
async function settledOfflineState(page: Page): Promise<string> {
  const state = () => page.evaluate(() => document.documentElement.dataset.offline ?? '');
  await expect.poll(state, { timeout: 90_000 }).toSatisfy((value) => SETTLED.includes(String(value)));
  return state();
}

/** The derivative the viewer downloaded in this load, and the sha256 of its bytes. */
async function drawnDerivative(responses: Response[], folderUrl: string, derivative: Derivative) {
  const response = responses.find((candidate) => candidate.url() === `${folderUrl}${derivative.url}`);
  expect(response, `the viewer fetched ${derivative.url}`).toBeDefined();
  return { response: response!, sha256: sha256(await response!.body()) };
}

describe('a kiosk across versions of an artefact', () => {
  it('after a re-ingest and a reload online, draws the derivative its new manifest names, then keeps it offline', async () => {
    const site = await serveCopy();
    const folderUrl = `${site.url}collection/amphora/`;
    const { page, context, pageErrors } = await openIsolatedPage();
    await page.goto(`${site.url}?artefact=amphora&kiosk=3600`);
    await ready(page);
    expect(await settledOfflineState(page)).toBe('ready');
    const first = mobileOf(readManifest(site.folder, 'amphora'));

    const second = reingestMobile(site.folder, 'amphora', 'bust');
    expect(second.url).not.toBe(first.url);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.reload();
    await ready(page);
    await expect(viewer(page).getAttribute('data-lod')).resolves.toBe('mobile');
    const drawn = await drawnDerivative(responses, folderUrl, second);
    expect(drawn.sha256).toBe(second.sha256);
    // Named by its content, it may be kept for a year: the manifest, revalidated each time, names the next one.
    expect(await drawn.response.headerValue('cache-control')).toBe(A_YEAR);
    expect(responses.some((response) => response.url() === `${folderUrl}${first.url}`)).toBe(false);
    expect(await settledOfflineState(page)).toBe('ready');

    await context.setOffline(true);
    responses.length = 0;
    await page.reload();
    await ready(page);
    const offline = await drawnDerivative(responses, folderUrl, second);
    expect(offline.response.fromServiceWorker()).toBe(true);
    expect(offline.sha256).toBe(second.sha256);
    expect(await page.evaluate(cachedDocumentsLacking)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 300_000);

  it('offline after an interrupted precache, shows the last version it cached whole', async () => {
    const site = await serveCopy();
    const folderUrl = `${site.url}collection/amphora/`;
    const { page, context } = await openIsolatedPage();
    await page.goto(`${site.url}?artefact=amphora&kiosk=3600`);
    await ready(page);
    expect(await settledOfflineState(page)).toBe('ready');
    const first = mobileOf(readManifest(site.folder, 'amphora'));

    // Re-ingested; the kiosk loads another artefact and starts caching the new version, and
    // the network drops before amphora's new derivative is in.
    const second = reingestMobile(site.folder, 'amphora', 'tablet');
    let cut = 0;
    await context.route(`${folderUrl}${second.url}`, (route) => {
      cut++;
      return route.abort('internetdisconnected');
    });
    await page.goto(`${site.url}?artefact=bust&kiosk=3600`);
    await ready(page);
    expect(await settledOfflineState(page)).toBe('incomplete');
    expect(cut, 'the precache asked for the new derivative').toBeGreaterThan(0);

    await context.setOffline(true);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    await page.goto(`${site.url}?artefact=amphora&kiosk=3600`);
    await ready(page);
    await expect(viewer(page).getAttribute('data-lod')).resolves.toBe('mobile');
    // The first version, whole: its manifest, and the derivative with the bytes it names.
    const drawn = await drawnDerivative(responses, folderUrl, first);
    expect(drawn.response.fromServiceWorker()).toBe(true);
    expect(drawn.sha256).toBe(first.sha256);
    expect(responses.some((response) => response.url() === `${folderUrl}${second.url}`)).toBe(false);
    expect(await page.evaluate(cachedDocumentsLacking)).toEqual([]);

    // Back online, the next load caches the new version whole.
    await context.unroute(`${folderUrl}${second.url}`);
    await context.setOffline(false);
    await page.reload();
    await ready(page);
    expect(await settledOfflineState(page)).toBe('ready');
    await context.setOffline(true);
    responses.length = 0;
    await page.reload();
    await ready(page);
    expect((await drawnDerivative(responses, folderUrl, second)).sha256).toBe(second.sha256);
    await context.close();
  }, 300_000);
});

/**
 * Runs in the page: what the cached artefact.json files name for this kiosk (poster, thumb,
 * mobile, annotations.json) and the cache lacks.
 */
async function cachedDocumentsLacking(): Promise<string[]> {
  const cachedUrls = new Set<string>();
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) cachedUrls.add(request.url);
  }
  const lacking: string[] = [];
  for (const url of [...cachedUrls].filter((cached) => cached.endsWith('/artefact.json'))) {
    const manifest = (await (await caches.match(url))!.json()) as {
      poster?: string;
      annotations?: string;
      derivatives: { profile: string; url: string }[];
    };
    const named = [
      manifest.poster,
      manifest.annotations,
      ...manifest.derivatives.filter((entry) => ['thumb', 'mobile'].includes(entry.profile)).map((entry) => entry.url),
    ];
    for (const file of named) {
      if (file && !cachedUrls.has(new URL(file, url).href)) lacking.push(new URL(file, url).href);
    }
  }
  return lacking;
}
