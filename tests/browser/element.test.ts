// <vitrine-viewer> as a museum's CMS would use it: the one-file build, one script tag in a
// plain HTML page (no app, no bundler), the collection beside it, all on loopback.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolders, type FolderServer } from '@vitrine/cli/node';
import { closeBrowser, coveredFraction, keepScreenshot, openIsolatedPage } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, '.cache/element-test');
/** The viewer's default stage colour, #ebe7e0. */
const STAGE_BACKGROUND: [number, number, number] = [0xeb, 0xe7, 0xe0];

interface RecordedEvent {
  type: string;
  target: string;
  detail: unknown;
}

declare global {
  interface Window {
    viewerEvents: RecordedEvent[];
  }
}

/** The page a CMS would write: one script tag, then the element wherever the editor put it. */
function page(body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A museum page</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/element/vitrine-viewer.js"></script>
  </head>
  <body style="margin: 0">
    ${body}
  </body>
</html>
`;
}

const PAGES: Readonly<Record<string, string>> = {
  'french.html': page(
    '<vitrine-viewer id="amphora" src="/collection/amphora/artefact.json" lang="fr" style="width: 600px; height: 400px"></vitrine-viewer>',
  ),
  'sized-by-container.html': page(
    '<div style="width: 640px"><vitrine-viewer id="tablet" src="/collection/tablet/artefact.json"></vitrine-viewer></div>',
  ),
  'opened.html': page(
    '<vitrine-viewer id="opened" src="/collection/amphora/artefact.json" annotation="warriors" style="width: 600px; height: 400px"></vitrine-viewer>',
  ),
  'missing.html': page(
    '<vitrine-viewer id="missing" src="/collection/no-such-artefact/artefact.json" style="width: 400px; height: 300px"></vitrine-viewer>',
  ),
};

let server: FolderServer;

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await build({
    configFile: path.join(ROOT, 'vite.element.config.ts'),
    logLevel: 'warn',
    build: { outDir: path.join(OUT, 'element'), emptyOutDir: true },
  });
  await mkdir(path.join(OUT, 'page'), { recursive: true });
  for (const [name, html] of Object.entries(PAGES)) await writeFile(path.join(OUT, 'page', name), html);
  server = await serveFolders({
    page: path.join(OUT, 'page'),
    element: path.join(OUT, 'element'),
    collection: path.join(ROOT, 'public/collection'),
  });
});

afterAll(async () => {
  await closeBrowser();
  await server?.close();
});

/** A fresh page that records the element's events from before its script runs. */
async function openPage(name: string) {
  const isolated = await openIsolatedPage();
  await isolated.page.addInitScript(() => {
    window.viewerEvents = [];
    for (const type of ['load', 'error', 'annotation-open']) {
      // Capture phase: `load` and `error` do not bubble, but still pass the document first.
      document.addEventListener(
        type,
        (event) => {
          const target = event.target;
          if (!(target instanceof Element) || target.localName !== 'vitrine-viewer') return;
          window.viewerEvents.push({ type, target: target.id, detail: (event as CustomEvent<unknown>).detail });
        },
        true,
      );
    }
  });
  await isolated.page.goto(`${server.origin}/page/${name}`);
  return isolated;
}

function eventsOf(page: Page, type: string): Promise<RecordedEvent[]> {
  return page.evaluate((type) => window.viewerEvents.filter((event) => event.type === type), type);
}

describe('<vitrine-viewer> from one script tag', () => {
  it('draws the artefact, fires load and annotation-open, speaks French, and follows attribute changes', async () => {
    const { page, context, offsiteRequests, pageErrors } = await openPage('french.html');
    const element = page.locator('vitrine-viewer#amphora');
    const viewer = element.locator('[data-vitrine-viewer]');
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });

    await expect
      .poll(() => eventsOf(page, 'load'))
      .toEqual([{ type: 'load', target: 'amphora', detail: { id: 'amphora', profile: 'mobile' } }]);
    const box = (await element.boundingBox())!;
    expect(box).toMatchObject({ width: 600, height: 400 });
    const { png } = await keepScreenshot(page, 'element-amphora-fr');
    expect(await coveredFraction(png, box, STAGE_BACKGROUND), 'centre covered by the artefact').toBeGreaterThan(0.3);
    // The middle of the left edge stays stage (the corners hold the viewer's overlays): the
    // check above is about the artefact, not a canvas cleared to another colour.
    const leftEdge = { x: box.x, y: box.y + box.height / 3, width: box.width / 6, height: box.height / 3 };
    expect(await coveredFraction(png, leftEdge, STAGE_BACKGROUND)).toBeLessThan(0.05);

    // The stage's accessible name, in the element's language.
    const stage = element.getByRole('img', { name: /3D/ });
    await expect(stage.getAttribute('aria-label')).resolves.toMatch(/^Vue 3D de Amphore\./);

    // Opening a hotspot is announced to the page.
    await element.locator('button[data-annotation-id="warriors"]').click();
    await expect
      .poll(() => eventsOf(page, 'annotation-open'))
      .toEqual([{ type: 'annotation-open', target: 'amphora', detail: { id: 'warriors' } }]);

    // Attributes are live: a new language re-renders in place, a new src loads anew.
    await element.evaluate((node) => node.setAttribute('lang', 'it'));
    await expect.poll(() => stage.getAttribute('aria-label')).toMatch(/^Vista 3D di Anfora\./);
    await element.evaluate((node: HTMLElement & { src: string }) => {
      node.src = '/collection/bust/artefact.json';
    });
    await expect
      .poll(() => eventsOf(page, 'load'), { timeout: 90_000 })
      .toContainEqual({ type: 'load', target: 'amphora', detail: { id: 'bust', profile: 'mobile' } });

    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('opens the annotation its attribute names, follows changes to it, and leaves the page URL alone', async () => {
    // The page's own hash names another annotation: embeds do not follow deep links unless
    // told to (`deep-link`), so the attribute wins and the hash is neither read nor written.
    const { page, context, offsiteRequests, pageErrors } = await openPage('opened.html#annotation=meander');
    const element = page.locator('vitrine-viewer#opened');
    const viewer = element.locator('[data-vitrine-viewer]');
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBe('warriors');
    await element.locator('[data-annotation-panel="warriors"]').waitFor();
    await expect
      .poll(() => eventsOf(page, 'annotation-open'))
      .toEqual([{ type: 'annotation-open', target: 'opened', detail: { id: 'warriors' } }]);

    await element.evaluate((node: HTMLElement & { annotation: string | null }) => {
      node.annotation = 'tongues';
    });
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBe('tongues');
    expect((await eventsOf(page, 'annotation-open')).map((event) => event.detail)).toEqual([
      { id: 'warriors' },
      { id: 'tongues' },
    ]);
    await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#annotation=meander');
    expect(offsiteRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('is a block with a 4:3 default shape, and removing it unmounts and disposes the viewer', async () => {
    const { page, context, offsiteRequests, pageErrors } = await openPage('sized-by-container.html');
    const element = page.locator('vitrine-viewer#tablet');
    await element.locator('[data-vitrine-viewer][data-state="ready"]').waitFor({ timeout: 90_000 });
    expect(await element.boundingBox()).toMatchObject({ width: 640, height: 480 });
    await expect(element.evaluate((node) => getComputedStyle(node).display)).resolves.toBe('block');

    const disposal = await element.evaluate(async (node) => {
      const canvas = node.querySelector('canvas')!;
      node.remove();
      // The element unmounts in a microtask (a move within one task keeps the viewer).
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return {
        children: node.childElementCount,
        canvasInPage: canvas.isConnected,
        contextLost: canvas.getContext('webgl2')?.isContextLost() ?? true,
      };
    });
    expect(disposal).toEqual({ children: 0, canvasInPage: false, contextLost: true });
    // Whatever was still pending (frames, decoders, downloads) must end quietly.
    await page.waitForTimeout(500);
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
    await context.close();
  });

  it('keeps the viewer when the element is moved within the page', async () => {
    const { page, context, pageErrors } = await openPage('sized-by-container.html');
    const element = page.locator('vitrine-viewer#tablet');
    await element.locator('[data-vitrine-viewer][data-state="ready"]').waitFor({ timeout: 90_000 });
    const sameCanvas = await element.evaluate(async (node) => {
      const canvas = node.querySelector('canvas');
      document.body.append(node);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return node.querySelector('canvas') === canvas && canvas?.getContext('webgl2')?.isContextLost() === false;
    });
    expect(sameCanvas).toBe(true);
    expect(await eventsOf(page, 'load')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('fires error for a src that is not there, and shows the visitor why', async () => {
    const { page, context, offsiteRequests } = await openPage('missing.html');
    await expect
      .poll(() => eventsOf(page, 'error'), { timeout: 30_000 })
      .toEqual([
        {
          type: 'error',
          target: 'missing',
          detail: { message: expect.stringContaining('/collection/no-such-artefact/artefact.json') },
        },
      ]);
    await expect(page.locator('vitrine-viewer [data-state="error"]').count()).resolves.toBe(1);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not found');
    expect(await eventsOf(page, 'load')).toEqual([]);
    expect(offsiteRequests).toEqual([]);
    await context.close();
  });
});
