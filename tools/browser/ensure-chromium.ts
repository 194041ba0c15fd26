// `npm run browser`: make sure the browser tests have a Chromium, or say in one line what to do.
import { ChromiumNotFound, ensureChromium } from '@vitrine/cli/node';

try {
  const path = ensureChromium((line) => console.log(line));
  console.log(`Chromium: ${path}`);
} catch (error) {
  if (!(error instanceof ChromiumNotFound)) throw error;
  console.error(error.message);
  process.exit(1);
}
