import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

/** The part of axe-core's API these tests use. */
interface AxeRun {
  run(context: string | Document): Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
}

/** axe-core's violations on the page (or within `selector`), one line each: empty when there are none. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: AxeRun }).axe;
    const result = await axe.run(context ?? document);
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes)}`);
  }, selector);
}
