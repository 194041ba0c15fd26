import type { Browser, CDPSession, Page } from 'playwright-core';
import { firstArtefactFrame, showsArtefact, type Region } from './first-pixels.js';
import { finishedBy, NetworkLog, sumBytes, type LoggedRequest } from './network-log.js';
import { Screencast, type ScreencastFrame } from './screencast.js';

/** The page under test and how to tell that it has loaded. */
export interface PageUnderTest {
  readonly url: string;
  /** The viewer's box: its pixels are watched, its size reported. */
  readonly viewerSelector: string;
  readonly stage: [number, number, number];
}

export interface RunMeasures {
  /** Navigation start → the page's own signal (our data-state=ready, model-viewer's `load`). */
  readonly eventMs: number;
  /** Navigation start → the first composited frame with the artefact's pixels. */
  readonly pixelMs: number;
  /** The same moment in ms since epoch, the clock of the network log. */
  readonly pixelEpochMs: number;
  readonly requests: readonly LoggedRequest[];
  /** Bytes of the requests finished by the first artefact frame. */
  readonly bytesBeforePixels: number;
  /** JS heap of the page after a forced garbage collection, once the artefact is shown. */
  readonly heapBytes: number;
  readonly viewer: { readonly width: number; readonly height: number };
  /** Our viewer's `data-lod`: the derivative it chose. */
  readonly profile: string | undefined;
  readonly offsiteRequests: readonly string[];
  readonly pageErrors: readonly string[];
  /** The first frame with the artefact, the frame before it and the final one, kept for a second look. */
  readonly frames: {
    readonly before?: ScreencastFrame;
    readonly first: ScreencastFrame;
    readonly final: ScreencastFrame;
  };
}

export const VIEWPORT = { width: 1000, height: 800 } as const;
const TIMEOUT_MS = 90_000;

declare global {
  interface Window {
    viewerBench?: { eventMs?: number; failed?: boolean };
  }
}

/**
 * One visit in a fresh browser context (empty HTTP cache, like a first visit): navigates,
 * waits for the page's signal and then for a frame showing the artefact, and measures.
 * Requests to any host but the loopback server are aborted and recorded.
 */
export async function measureRun(browser: Browser, target: PageUnderTest): Promise<RunMeasures> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  try {
    const offsiteRequests: string[] = [];
    const origin = new URL(target.url).origin;
    await context.route(
      (url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:'),
      (route) => {
        offsiteRequests.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.addInitScript({ content: RECORD_LOAD_SIGNAL });
    const cdp = await context.newCDPSession(page);
    const network = await NetworkLog.start(cdp);
    const screencast = await Screencast.start(cdp);

    await page.goto(target.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.viewerBench?.eventMs !== undefined, undefined, { timeout: TIMEOUT_MS });
    if (await page.evaluate(() => window.viewerBench?.failed)) {
      throw new Error(`the viewer reported an error on ${target.url}: ${pageErrors.join('; ') || 'no message'}`);
    }
    const viewer = page.locator(target.viewerSelector).first();
    const box = await viewer.boundingBox();
    if (!box) throw new Error(`${target.viewerSelector} has no box on ${target.url}`);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const eventMs = (await page.evaluate(() => window.viewerBench?.eventMs))!;
    const final = await waitForArtefactFrame(screencast, box, target.stage, timeOrigin + eventMs);
    await screencast.stop();
    const frame = await firstArtefactFrame(screencast.frames, final, box, target.stage);
    if (!frame) throw new Error('the frame seen showing the artefact was not among those recorded');
    const before = screencast.frames.filter((other) => other.epochMs < frame.epochMs).at(-1);
    const requests = network.list();
    return {
      eventMs,
      pixelMs: frame.epochMs - timeOrigin,
      pixelEpochMs: frame.epochMs,
      requests,
      bytesBeforePixels: sumBytes(finishedBy(requests, frame.epochMs)),
      heapBytes: await heapAfterGc(page, cdp),
      viewer: { width: Math.round(box.width), height: Math.round(box.height) },
      profile: await page.evaluate(
        () => document.querySelector('[data-vitrine-viewer]')?.getAttribute('data-lod') ?? undefined,
      ),
      offsiteRequests,
      pageErrors,
      frames: { before, first: frame, final },
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page before its own scripts: notes when the viewer says it has loaded (or
 * failed), for either page. A string, not a function: tsx compiles functions with name
 * helpers that do not exist in the page.
 */
const RECORD_LOAD_SIGNAL = `
(() => {
  const record = (failed) => {
    window.viewerBench ??= {};
    window.viewerBench.eventMs ??= performance.now();
    window.viewerBench.failed ??= failed;
  };
  // model-viewer's load and error events do not bubble; the capture phase still passes the document.
  for (const [type, failed] of [['load', false], ['error', true]]) {
    document.addEventListener(type, (event) => {
      if (event.target instanceof Element && event.target.localName === 'model-viewer') record(failed);
    }, true);
  }
  new MutationObserver(() => {
    if (document.querySelector('[data-vitrine-viewer][data-state="ready"]')) record(false);
    else if (document.querySelector('[data-vitrine-viewer][data-state="error"]')) record(true);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();
`;

/**
 * After the page's signal, waits for a frame that shows the artefact and returns it: the
 * reference the first frame is searched against. Only a frame swapped after the signal
 * will do: an older one may still have a loading message over the stage, which the
 * coverage test alone could take for the artefact. Both pages change what they show at or
 * after their signal (ours removes its loading message; model-viewer has yet to draw), and
 * the screencast can lag the page by seconds on a busy machine. Checks the newest frame
 * every 250 ms: decoding every frame as it arrives would load the cores under test.
 */
async function waitForArtefactFrame(
  screencast: Screencast,
  region: Region,
  stage: [number, number, number],
  signalEpochMs: number,
): Promise<ScreencastFrame> {
  const deadline = performance.now() + TIMEOUT_MS;
  while (performance.now() < deadline) {
    const latest = screencast.latest();
    if (latest && latest.epochMs >= signalEpochMs && (await showsArtefact(latest, region, stage))) return latest;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no frame after the page signalled it had loaded showed the artefact');
}

/** `performance.memory` is Chromium's, precise with --enable-precise-memory-info, absent from TypeScript's DOM. */
async function heapAfterGc(page: Page, cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(
    () => (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
  );
}
