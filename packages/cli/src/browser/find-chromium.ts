import { ensureSystemProgram, findSystemProgram, type SystemProgram } from '../system/system-program.js';

/** Chromium, as Debian, Ubuntu and other distributions install it. */
const CHROMIUM: SystemProgram = {
  label: 'Chromium',
  debianPackage: 'chromium',
  pathVariable: 'CHROMIUM_PATH',
  knownPaths: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  neededFor: 'needed for the browser tests',
};

export class ChromiumNotFound extends Error {
  override name = 'ChromiumNotFound';
}

const notFound = (message: string) => new ChromiumNotFound(message);

/** The Chromium executable: CHROMIUM_PATH when set, else the first known install. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findSystemProgram(CHROMIUM, notFound, env);
}

/**
 * Finds Chromium, installing Debian's package when it is missing and we may. Playwright's
 * own browser download cannot work on machines without internet access.
 */
export function ensureChromium(log: (line: string) => void = () => {}): string {
  return ensureSystemProgram(CHROMIUM, notFound, log);
}
