import { ARTEFACT_FILE, type Artefact } from '@vitrine/core';
import sharp from 'sharp';
import { findChromium } from '../browser/find-chromium.js';
import { launchChromium } from '../browser/launch-chromium.js';
import { posterPageFolder } from './poster-page.js';
import { serveFolders } from './serve-folders.js';

/** Pixels of the square poster; the gallery shows it at up to ~450 CSS px on a 2x screen. */
export const POSTER_SIZE = 1024;

export type PosterOutcome = { image: Uint8Array } | { skipped: string };

/**
 * Renders the poster of `artefact`, whose derivatives are in `folder`: the thumb
 * derivative, in the project's own viewer, in headless Chromium, with the lighting
 * visitors see. Without a Chromium the poster is skipped, never the ingest.
 */
export async function renderPoster(folder: string, artefact: Artefact): Promise<PosterOutcome> {
  let executablePath: string | undefined;
  try {
    executablePath = findChromium();
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  if (!executablePath) return { skipped: 'no Chromium was found (install chromium or set CHROMIUM_PATH)' };

  const page = await posterPageFolder();
  const manifestPath = `/artefact/${ARTEFACT_FILE}`;
  const server = await serveFolders({ page, artefact: folder }, { [manifestPath]: JSON.stringify(artefact) });
  const browser = await launchChromium({ executablePath });
  try {
    const context = await browser.newContext({ viewport: { width: POSTER_SIZE, height: POSTER_SIZE } });
    // The poster page reaches only our loopback server: no request may leave the machine.
    await context.route('**/*', (route) =>
      route.request().url().startsWith(server.origin) ? route.continue() : route.abort(),
    );
    const tab = await context.newPage();
    await tab.goto(`${server.origin}/page/index.html?src=${encodeURIComponent(`${server.origin}${manifestPath}`)}`);
    const viewer = tab.locator('[data-vitrine-viewer]');
    await viewer.and(tab.locator('[data-state="ready"], [data-state="error"]')).waitFor({ timeout: 120_000 });
    if ((await viewer.getAttribute('data-state')) === 'error') {
      return { skipped: 'the viewer could not show the thumb derivative' };
    }
    const png = await viewer.screenshot();
    const webp = await sharp(png).webp({ quality: 82 }).toBuffer();
    return { image: new Uint8Array(webp) };
  } finally {
    await browser.close();
    await server.close();
  }
}
