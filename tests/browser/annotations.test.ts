import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.js';
import { closeBrowser, keepScreenshot, openIsolatedPage } from './browser.js';

const baseURL = inject('baseURL');
/** The amphora's annotations in tour order (assets/samples/annotations/amphora.json). */
const TOUR = ['warriors', 'meander', 'tongues', 'side-b', 'lime-crust', 'tap-test'];

afterAll(closeBrowser);

async function openAmphora(page: Page, hash = ''): Promise<Locator> {
  await page.goto(`${baseURL}?artefact=amphora${hash}`);
  const viewer = page.locator('[data-vitrine-viewer]');
  await viewer.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 90_000 });
  await hotspot(page, 'warriors').waitFor({ state: 'attached' });
  return viewer;
}

function hotspot(page: Page, id: string): Locator {
  return page.locator(`button[data-annotation-id="${id}"]`);
}

const panelTitle = (page: Page) => page.locator('[data-annotation-panel] h2');

async function centreX(locator: Locator): Promise<number> {
  const box = (await locator.boundingBox())!;
  return box.x + box.width / 2;
}

describe('annotations on the amphora', () => {
  it('shows its hotspots as named buttons in tour order, hiding the layer the curator hid', async () => {
    const { page, context, pageErrors, offsiteRequests } = await openIsolatedPage();
    await openAmphora(page);
    const ids = await page
      .locator('button[data-annotation-id]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-annotation-id')));
    expect(ids).toEqual(TOUR);
    await expect(page.getByRole('button', { name: '1. Black-figure warriors' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: '4. Side B' }).count()).resolves.toBe(1);
    // "Conservation" is hidden by default: its hotspots are neither seen nor named.
    expect(await hotspot(page, 'lime-crust').isHidden()).toBe(true);
    await expect(page.getByRole('button', { name: /Lime crust/ }).count()).resolves.toBe(0);
    // From the default camera the front faces the visitor and the back is behind the artefact.
    // The depth test starts once the browser is idle after the first frames (up to a second,
    // then its BVH is built): on a busy machine that is more than expect.poll's default second.
    const occlusion = { timeout: 15_000 };
    await expect.poll(() => hotspot(page, 'warriors').getAttribute('data-occluded'), occlusion).toBe('false');
    await expect.poll(() => hotspot(page, 'side-b').getAttribute('data-occluded'), occlusion).toBe('true');
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
    await context.close();
  });

  it('dims and disables the front hotspots once the camera has turned to the back', async () => {
    const { page, context, pageErrors } = await openIsolatedPage();
    const viewer = await openAmphora(page);
    const canvas = page.locator('[data-vitrine-viewer] canvas');
    const box = (await canvas.boundingBox())!;
    const middle = box.x + box.width / 2;
    const warriors = hotspot(page, 'warriors');
    // The warriors are right of the centre from the front...
    expect(await centreX(warriors)).toBeGreaterThan(middle);
    // ...and orbit controls turn 2π per canvas height dragged: half the height is half a turn.
    // The drag starts left of the artefact, on the bare canvas.
    const y = box.y + box.height / 2;
    const start = box.x + box.width * 0.12;
    await page.mouse.move(start, y);
    await page.mouse.down();
    await page.mouse.move(start + box.height / 2, y, { steps: 24 });
    await page.mouse.up();

    await expect.poll(() => warriors.getAttribute('data-occluded'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => hotspot(page, 'side-b').getAttribute('data-occluded'), { timeout: 15_000 }).toBe('false');
    // The camera really went round: seen from the back, the same point is left of the centre.
    expect(await centreX(warriors)).toBeLessThan(middle);
    expect(await warriors.isDisabled()).toBe(true);
    await keepScreenshot(page, 'annotations-back');

    // A click where the hidden hotspot is drawn reaches the canvas, not the hotspot.
    const hidden = (await warriors.boundingBox())!;
    await page.mouse.click(hidden.x + hidden.width / 2, hidden.y + hidden.height / 2);
    await page.waitForTimeout(300);
    expect(await viewer.getAttribute('data-annotation-open')).toBeNull();
    // The visible one on the back opens.
    await hotspot(page, 'side-b').click();
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBe('side-b');
    await expect.poll(() => panelTitle(page).textContent()).toBe('Side B');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works from the keyboard: Tab to the first hotspot, Enter, arrows, Escape', async () => {
    const { page, context, pageErrors } = await openIsolatedPage();
    const viewer = await openAmphora(page);
    for (let presses = 0; presses < 20; presses++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.hasAttribute('data-annotation-id'))) break;
    }
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-annotation-id'));
    expect(await focused()).toBe('warriors');
    await page.keyboard.press('Enter');
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBe('warriors');
    await expect.poll(() => panelTitle(page).textContent()).toBe('Black-figure warriors');
    // Focus follows into the panel, and the address can be shared.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(new URL(page.url()).hash).toBe('#annotation=warriors');

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBe('meander');
    await expect.poll(() => panelTitle(page).textContent()).toBe('Meander band');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => panelTitle(page).textContent()).toBe('Black-figure warriors');
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBeNull();
    expect(await panelTitle(page).count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');
    // Focus returns to the hotspot that was open.
    expect(await focused()).toBe('warriors');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('opens the annotation a link names, showing its layer, and follows the language', async () => {
    const { page, context, pageErrors, offsiteRequests } = await openIsolatedPage();
    const viewer = await openAmphora(page, '#annotation=lime-crust');
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBe('lime-crust');
    await expect.poll(() => panelTitle(page).textContent()).toBe('Lime crust');
    expect(await page.getByRole('checkbox', { name: 'Conservation' }).isChecked()).toBe(true);

    await page.getByLabel('Language').selectOption('fr');
    await expect.poll(() => panelTitle(page).textContent()).toBe('Concrétions calcaires');
    await expect(page.getByRole('button', { name: '1. Guerriers à figures noires' }).count()).resolves.toBe(1);
    await expect(page.getByRole('checkbox', { name: 'Conservation' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Annotation suivante' }).count()).resolves.toBe(1);
    // With focus nowhere in particular (a click on the page), Escape still closes the panel.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBeNull();
    expect(new URL(page.url()).hash).toBe('');
    expect(pageErrors).toEqual([]);
    expect(offsiteRequests).toEqual([]);
    await context.close();
  });

  it('switches layers on and off', async () => {
    const { page, context } = await openIsolatedPage();
    await openAmphora(page);
    const conservation = page.getByRole('checkbox', { name: 'Conservation' });
    const decoration = page.getByRole('checkbox', { name: 'Decoration' });
    expect(await conservation.isChecked()).toBe(false);
    await conservation.check();
    await expect.poll(() => hotspot(page, 'lime-crust').isVisible()).toBe(true);
    await decoration.uncheck();
    await expect.poll(() => hotspot(page, 'warriors').isHidden()).toBe(true);
    await expect(page.getByRole('button', { name: /Black-figure warriors/ }).count()).resolves.toBe(0);
    await decoration.check();
    await expect.poll(() => hotspot(page, 'warriors').isVisible()).toBe(true);
    // Hiding and showing keeps the tour order in the DOM, so Tab still follows the tour.
    const ids = await page
      .locator('button[data-annotation-id]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-annotation-id')));
    expect(ids).toEqual(TOUR);
    await context.close();
  });

  it('plays the tour only when asked, and jumps instead of flying under reduced motion', async () => {
    const { page, context, pageErrors } = await openIsolatedPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const viewer = await openAmphora(page);
    await page.waitForTimeout(1000);
    expect(await viewer.getAttribute('data-annotation-open')).toBeNull();
    const meander = hotspot(page, 'meander');
    const before = await meander.boundingBox();
    await page.getByRole('button', { name: 'Play the tour' }).click();
    await expect.poll(() => viewer.getAttribute('data-annotation-open')).toBe('warriors');
    // The camera goes to the warriors' view in one step, not on a flight: once the
    // hotspots have moved they stay where they are.
    const box = async () => JSON.stringify(await meander.boundingBox());
    await expect.poll(box).not.toBe(JSON.stringify(before));
    const arrived = await box();
    await page.waitForTimeout(400);
    expect(await box()).toBe(arrived);
    // About six seconds later the tour moves on by itself.
    await expect
      .poll(() => viewer.getAttribute('data-annotation-open'), { timeout: 9000, interval: 250 })
      .toBe('meander');
    await page.getByRole('button', { name: 'Pause the tour' }).click();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('has no accessibility violations with a panel open, and reads well on a desktop and a phone', async () => {
    for (const [name, viewport] of [
      ['desktop', { width: 1000, height: 800 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      const { page, context, pageErrors, offsiteRequests } = await openIsolatedPage(viewport);
      const viewer = await openAmphora(page, '#annotation=tap-test');
      await expect.poll(() => panelTitle(page).textContent()).toBe('A sound wall');
      const image = page.locator('[data-annotation-panel] img');
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(380);
      await expect(image.getAttribute('alt')).resolves.toMatch(/^Profile drawing of the amphora/);
      await expect(page.locator('[data-annotation-panel] audio track[kind="captions"]').count()).resolves.toBe(1);
      await viewer.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await keepScreenshot(page, `annotations-panel-${name}`);

      expect(await axeViolations(page, '[data-vitrine-viewer]'), name).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(offsiteRequests).toEqual([]);
      await context.close();
    }
  });

  it('draws a measurement’s distance over a hotspot it lies on', async () => {
    const { page, context, pageErrors } = await openIsolatedPage();
    await openAmphora(page);
    const warriors = hotspot(page, 'warriors');
    await expect.poll(() => warriors.getAttribute('data-occluded'), { timeout: 15_000 }).toBe('false');
    const spot = (await warriors.boundingBox())!;
    const [hx, hy] = [spot.x + spot.width / 2, spot.y + spot.height / 2];
    await page.getByRole('button', { name: 'Measure' }).click();
    // Two points on the body either side of the hotspot, a little below it: the label sits
    // at the middle of the line, lifted above it, so it lands on the hotspot.
    const onCanvas = (x: number, y: number) =>
      page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName === 'CANVAS', [x, y]);
    let pair: [number, number][] | undefined;
    for (const across of [45, 60, 75]) {
      const points: [number, number][] = [
        [hx - across, hy + 20],
        [hx + across, hy + 20],
      ];
      if ((await onCanvas(...points[0]!)) && (await onCanvas(...points[1]!))) {
        pair = points;
        break;
      }
    }
    expect(pair, 'two free points either side of the warriors hotspot').toBeDefined();
    for (const [x, y] of pair!) {
      await page.mouse.click(x, y);
      await page.waitForTimeout(400); // two clicks, not a double-click
    }
    const label = page.locator('.vitrine-measure-label');
    await label.waitFor();
    // A touch of zoom, as a visitor would give: drei stacks the hotspots by their distance
    // (z-index 0–100) on the frames where they move, and the label must stay over them then.
    await page.mouse.move(...pair![0]!);
    await page.mouse.wheel(0, -3);
    const stacked = () => warriors.evaluate((button) => getComputedStyle(button.parentElement!.parentElement!).zIndex);
    await expect.poll(stacked, { timeout: 5_000 }).toMatch(/^\d+$/);
    // The browser's own hit test, where label and hotspot overlap, says which is on top (the
    // label lets the pointer through, so the test lets it take the pointer for the question).
    const onTop = () =>
      label.evaluate((element: HTMLElement, id) => {
        const button = document.querySelector(`button[data-annotation-id="${id}"]`)!;
        const a = element.getBoundingClientRect();
        const b = button.getBoundingClientRect();
        const [left, right] = [Math.max(a.left, b.left), Math.min(a.right, b.right)];
        const [top, bottom] = [Math.max(a.top, b.top), Math.min(a.bottom, b.bottom)];
        if (left >= right || top >= bottom) return 'no overlap';
        element.style.pointerEvents = 'auto';
        const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
        element.style.pointerEvents = '';
        return hit?.closest('.vitrine-measure-label') ? 'label' : (hit?.outerHTML.slice(0, 80) ?? 'nothing');
      }, 'warriors');
    await expect.poll(onTop, { timeout: 5_000 }).toBe('label');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
