import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCollection, type RunningSite } from '@vitrine/cli/node';
import { axeViolations } from './axe.js';
import { closeBrowser, keepScreenshot, openIsolatedPage } from './browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let folder: string;
let site: RunningSite;

// The editor writes into its collection: it gets a copy of the sample collection.
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vitrine-editor-'));
  await cp(path.join(ROOT, 'public/collection'), folder, { recursive: true });
  site = await serveCollection({ collection: folder, port: 0, host: '127.0.0.1', edit: true });
});

afterAll(async () => {
  await closeBrowser();
  await site.close();
  await rm(folder, { recursive: true, force: true });
});

const annotationsFile = () => path.join(folder, 'bust', 'annotations.json');
const saved = async () =>
  JSON.parse(await readFile(annotationsFile(), 'utf8')) as {
    annotations: {
      id: string;
      order: number;
      body: { title: Record<string, string>; text: Record<string, string> };
      target: { view?: unknown };
    }[];
  };
const tourOnDisk = async () =>
  (await saved()).annotations.sort((a, b) => a.order - b.order).map((annotation) => annotation.id);

describe('the annotation editor of vitrine serve --edit', () => {
  it('adds, edits and reorders a hotspot, and it is there after a reload', async () => {
    const { page, context, pageErrors, offsiteRequests } = await openIsolatedPage({ width: 1280, height: 900 });
    await page.goto(`${site.url}?artefact=bust&edit#token=${site.token}`);
    const viewer = page.locator('[data-vitrine-viewer]');
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
    await page.locator('[data-editor="ready"]').waitFor();
    // The token leaves the address bar at once.
    expect(page.url()).not.toContain(site.token!);
    expect(await tourOnDisk()).toEqual(['face', 'stained-hair', 'socle', 'unfinished-back']);

    await page.getByRole('button', { name: 'Add a hotspot' }).click();
    const box = (await viewer.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const added = page.locator('[data-editing]');
    await added.waitFor();
    const id = (await added.getAttribute('data-editing'))!;
    await page.getByLabel('Title (English)').fill('Chisel mark');
    await page.getByLabel('Title (Français)').fill('Trace de ciseau');
    await page.getByLabel('Text (English)').fill('A **flat** chisel left this mark.');
    await page.getByRole('button', { name: 'Use the current view' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('[data-editor]').getAttribute('data-editor')).toBe('saved');
    const written = (await saved()).annotations.find((annotation) => annotation.id === id)!;
    expect(written.body.title).toEqual({ en: 'Chisel mark', fr: 'Trace de ciseau' });
    expect(written.target.view).toBeDefined();
    expect(existsSync(path.join(folder, 'bust', 'annotations.previous.json'))).toBe(true);
    expect(await tourOnDisk()).toEqual(['face', 'stained-hair', 'socle', 'unfinished-back', id]);

    await page.getByRole('button', { name: 'Move “Chisel mark” earlier in the tour' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => tourOnDisk()).toEqual(['face', 'stained-hair', 'socle', id, 'unfinished-back']);
    expect(await axeViolations(page), 'editor page').toEqual([]);
    await keepScreenshot(page, 'editor');

    // After a reload (the token kept for this tab) the hotspot is on the artefact and in the list.
    await page.reload();
    await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
    await page.locator(`button[data-annotation-id="${id}"]`).waitFor({ state: 'attached' });
    const listed = await page
      .locator('[data-editor-annotation]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-editor-annotation')));
    expect(listed).toEqual(['face', 'stained-hair', 'socle', id, 'unfinished-back']);
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
    await context.close();
  });

  it('keeps the curator’s text and says so when someone else saved the artefact first', async () => {
    const { page, context, pageErrors } = await openIsolatedPage({ width: 1280, height: 900 });
    const puts: string[] = [];
    page.on('request', (request) => void (request.method() === 'PUT' && puts.push(request.url())));
    await page.goto(`${site.url}?artefact=bust&edit#token=${site.token}`);
    await page.locator('[data-editor="ready"]').waitFor({ timeout: 90_000 });
    await page.locator('[data-editor-annotation="face"]').getByRole('button').first().click();
    const text = page.getByLabel('Text (English)');
    await text.fill('The curator’s words, not saved yet.');

    // A second tab saves first, as the editor does: read the version, save over exactly it.
    const api = `${site.url}api/artefacts/bust/annotations`;
    const authorization = `Bearer ${site.token}`;
    const read = await fetch(api, { headers: { authorization } });
    const etag = read.headers.get('etag');
    expect(etag, 'the GET names its version').toBeTruthy();
    const theirs = (await read.json()) as Awaited<ReturnType<typeof saved>>;
    theirs.annotations.find((annotation) => annotation.id === 'face')!.body.text.en = 'The other tab’s words.';
    const put = await fetch(api, {
      method: 'PUT',
      headers: { authorization, 'content-type': 'application/json', 'if-match': etag! },
      body: JSON.stringify(theirs),
    });
    expect(put.status).toBe(200);

    const save = page.getByRole('button', { name: 'Save' });
    await save.click();
    const status = page.locator('[data-editor]').getByRole('status');
    await expect
      .poll(() => status.textContent())
      .toBe('Someone else saved this artefact; reload to see their changes.');
    expect(await page.locator('[data-editor]').getAttribute('data-editor')).toBe('conflict');
    expect(await text.inputValue()).toBe('The curator’s words, not saved yet.');
    expect(await save.isEnabled()).toBe(true);
    const onDisk = () => saved().then((document) => document.annotations.find((a) => a.id === 'face')!.body.text.en);
    expect(await onDisk()).toBe('The other tab’s words.');
    expect(await axeViolations(page), 'editor after a conflict').toEqual([]);

    // Reloading asks first; declined, the curator's text stays.
    const reload = page.getByRole('button', { name: 'Reload the annotations' });
    page.once('dialog', (dialog) => void dialog.dismiss());
    await reload.click();
    expect(await text.inputValue()).toBe('The curator’s words, not saved yet.');
    page.once('dialog', (dialog) => void dialog.accept());
    await reload.click();
    await page.locator('[data-editor="ready"]').waitFor();
    expect(await page.getByLabel('Text (English)').inputValue()).toBe('The other tab’s words.');
    // The refused save was never sent again on its own, and the other tab's save stands.
    expect(puts).toHaveLength(1);
    expect(await onDisk()).toBe('The other tab’s words.');
    // Chromium logs the refused PUT itself as a console error; nothing else may fail.
    expect(pageErrors.filter((error) => !/status of 412/.test(error))).toEqual([]);
    await context.close();
  });

  it('refuses a request without the token, without a version, with a bad body, or aimed outside the collection, changing nothing', async () => {
    const before = await readFile(annotationsFile());
    const url = (artefact: string) => `${site.url}api/artefacts/${artefact}/annotations`;
    const document = await readFile(annotationsFile(), 'utf8');
    // The version on disk, so that each refusal below is for the reason it tests, not a missing If-Match.
    const etag = (await fetch(url('bust'), { headers: { authorization: `Bearer ${site.token}` } })).headers.get(
      'etag',
    )!;
    const put = (target: string, body: string, token?: string, ifMatch: string | null = etag) =>
      fetch(target, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(ifMatch ? { 'if-match': ifMatch } : {}),
        },
        body,
      });
    expect((await put(url('bust'), document)).status).toBe(401);
    expect((await put(url('bust'), document, 'not-the-token')).status).toBe(401);
    expect((await put(url('bust'), document, site.token, null)).status).toBe(428);
    expect((await put(url('bust'), document, site.token, '"not-the-version"')).status).toBe(412);
    const invalid = await put(url('bust'), JSON.stringify({ schemaVersion: 1, layers: [] }), site.token);
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: string }).error).toMatch(/layers/);
    for (const outside of ['..%2F..%2Fetc', '..', '%2e%2e']) {
      const response = await put(url(outside), document, site.token);
      expect([400, 404], outside).toContain(response.status);
    }
    expect((await put(url('bust'), 'x'.repeat(2_000_000), site.token)).status).toBe(413);
    expect((await readFile(annotationsFile())).equals(before)).toBe(true);
  });
});
