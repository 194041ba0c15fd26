import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium } from '@vitrine/cli/node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Screenshots are kept here as test artefacts (CI can upload the folder). */
export const RESULTS_DIR = path.join(ROOT, 'test-results');

let browser: Browser | undefined;

export async function sharedBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface IsolatedPage {
  page: Page;
  context: BrowserContext;
  /** Requests that tried to leave localhost (they were aborted). */
  offsiteRequests: string[];
  /** Errors the page threw or logged, to fail on. */
  pageErrors: string[];
}

/**
 * A fresh page whose requests to any host but localhost are aborted and recorded: the
 * app must reach `ready` with nothing from a CDN.
 */
export async function openIsolatedPage(viewport = { width: 1000, height: 800 }): Promise<IsolatedPage> {
  const context = await (await sharedBrowser()).newContext({ viewport, locale: 'en-GB' });
  const offsiteRequests: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local =
      ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ||
      url.protocol === 'data:' ||
      url.protocol === 'blob:';
    if (local) return route.continue();
    offsiteRequests.push(url.toString());
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return { page, context, offsiteRequests, pageErrors };
}

/** Saves a screenshot of the page under test-results/ and returns its path. */
export async function keepScreenshot(page: Page, name: string): Promise<{ file: string; png: Buffer }> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  const png = await page.screenshot({ path: file });
  return { file, png };
}

/**
 * Share of pixels in the centre of a region that differ clearly from a background colour:
 * how much of the middle of the viewer is covered by the artefact.
 */
export async function coveredFraction(
  png: Buffer,
  region: { x: number; y: number; width: number; height: number },
  background: [number, number, number],
): Promise<number> {
  const centre = {
    left: Math.round(region.x + region.width * 0.35),
    top: Math.round(region.y + region.height * 0.35),
    width: Math.round(region.width * 0.3),
    height: Math.round(region.height * 0.3),
  };
  const { data, info } = await sharp(png).extract(centre).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let differing = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const distance =
      Math.abs(data[i]! - background[0]) +
      Math.abs(data[i + 1]! - background[1]) +
      Math.abs(data[i + 2]! - background[2]);
    if (distance > 30) differing++;
  }
  return differing / (info.width * info.height);
}
