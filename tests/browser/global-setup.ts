// Once per browser-test run: Chromium present, the sample collection built, and the demo
// app built for production and served with the collection by `vitrine serve`'s server,
// as a museum would run it.
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '@vitrine/cli/node';
import { serveCollection } from '@vitrine/cli/node';
import { prepareSampleCollection } from '../../tools/collection/prepare-sample-collection.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  ensureChromium((line) => console.log(line));
  const collection = await prepareSampleCollection({ log: (line) => console.log(`[samples] ${line}`) });
  const site = await serveCollection({ collection, port: 0, host: '127.0.0.1', edit: false });
  project.provide('baseURL', site.url);
  return () => site.close();
}
