import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Route } from 'playwright-core';
import { launchChromium } from '@vitrine/cli/node';
import { buildRenderPage } from './build-page.js';
import type { RenderRequest, RenderResult, ViewDirection } from './views.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DRACO_DIR = path.join(ROOT, 'node_modules/three/examples/jsm/libs/draco/gltf');
/** Never contacted: every request to it is answered by interception. */
const ORIGIN = 'http://localhost:47811';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.glb': 'model/gltf-binary',
  '.css': 'text/css',
};

export interface RenderedViews {
  /** One PNG a view, in the order asked. */
  readonly pngs: Buffer[];
  /** Triangles three.js drew: a check that the page saw the model the Node side measured. */
  readonly triangles: number;
}

/**
 * One headless Chromium and one page for the whole benchmark (SwiftShader start-up and
 * shader compilation are the slow parts), rendering GLBs handed over as bytes.
 */
export class BenchRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly models: Map<string, Uint8Array>,
  ) {}

  static async start(workDir: string): Promise<BenchRenderer> {
    const pageDir = await buildRenderPage(path.join(workDir, 'render-page'), path.join(workDir, 'vite-cache'));
    const browser = await launchChromium();
    const models = new Map<string, Uint8Array>();
    try {
      const page = await browser.newPage({ viewport: { width: 600, height: 600 } });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.route('**/*', (route) => answer(route, pageDir, models));
      await page.goto(`${ORIGIN}/index.html`);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 }).catch((error: unknown) => {
        throw new Error(`the render page did not start: ${errors.join('; ') || String(error)}`);
      });
      return new BenchRenderer(browser, page, models);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  async render(
    glb: Uint8Array,
    bounds: RenderRequest['bounds'],
    views: readonly ViewDirection[],
    size: number,
  ): Promise<RenderedViews> {
    const name = `/models/${this.models.size}.glb`;
    this.models.set(name, glb);
    try {
      const request: RenderRequest = { modelUrl: name, bounds, views, size };
      const result: RenderResult = await this.page.evaluate(async (request) => {
        if (!window.benchRender) throw new Error('render page not ready');
        return window.benchRender(request);
      }, request);
      return { pngs: result.images.map(fromDataUrl), triangles: result.triangles };
    } finally {
      this.models.delete(name);
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

async function answer(route: Route, pageDir: string, models: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
  const model = models.get(url.pathname);
  if (model) return route.fulfill({ body: Buffer.from(model), contentType: CONTENT_TYPES['.glb'] });
  const file = url.pathname.startsWith('/draco/')
    ? path.join(DRACO_DIR, path.basename(url.pathname))
    : path.join(pageDir, path.normalize(url.pathname));
  if (!file.startsWith(pageDir) && !file.startsWith(DRACO_DIR)) return route.fulfill({ status: 403 });
  try {
    const body = await readFile(file);
    return route.fulfill({ body, contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  } catch {
    return route.fulfill({ status: 404 });
  }
}

function fromDataUrl(dataUrl: string): Buffer {
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}
