import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** Where Debian, Ubuntu and other distributions put Chromium, most likely first. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export class ChromiumNotFound extends Error {
  override name = 'ChromiumNotFound';
}

/** The Chromium executable: CHROMIUM_PATH when set, else the first known install. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (!isExecutable(configured))
      throw new ChromiumNotFound(`CHROMIUM_PATH is ${configured}, which is not an executable file`);
    return configured;
  }
  return KNOWN_PATHS.find(isExecutable);
}

/**
 * Finds Chromium, installing Debian's package when it is missing and we may (root on a
 * Debian-like system). Playwright's own browser download cannot work on machines without
 * internet access, and the distribution's package is what museums' servers have.
 */
export function ensureChromium(log: (line: string) => void = () => {}): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version') || !commandExists('apt-get')) {
    throw new ChromiumNotFound(
      'Chromium is needed for the browser tests: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH',
    );
  }
  log('Chromium is missing: installing Debian’s chromium package with apt-get…');
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      const reason = (result.stderr ?? '').trim().split('\n').pop() ?? `exit ${result.status}`;
      throw new ChromiumNotFound(
        `apt-get ${args[0]} failed (${reason}); install chromium by hand or set CHROMIUM_PATH`,
      );
    }
  }
  const installed = findChromium();
  if (!installed)
    throw new ChromiumNotFound('apt-get installed chromium but no executable was found; set CHROMIUM_PATH');
  return installed;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}
