// gltfpack as a native program (Debian's package), for the large benchmark: the npm build
// is WebAssembly, limited to 4 GB of memory and slower, so it is not the fair peer for a
// 12-million-triangle scan. Found or installed the way tools/browser/ensure-chromium.ts
// finds Chromium; where it can be neither, one line says what to install.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const KNOWN_PATHS = ['/usr/bin/gltfpack', '/usr/local/bin/gltfpack'];

export class GltfpackNotFound extends Error {
  override name = 'GltfpackNotFound';
}

/** The native gltfpack: GLTFPACK_PATH when set, else the first known install. */
export function findNativeGltfpack(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.GLTFPACK_PATH;
  if (configured) {
    if (!isExecutable(configured)) {
      throw new GltfpackNotFound(`GLTFPACK_PATH is ${configured}, which is not an executable file`);
    }
    return configured;
  }
  return KNOWN_PATHS.find(isExecutable);
}

/** Finds the native gltfpack, installing Debian's package when it is missing and we may (root, apt-get). */
export function ensureNativeGltfpack(log: (line: string) => void = () => {}): string {
  const found = findNativeGltfpack();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version') || !commandExists('apt-get')) {
    throw new GltfpackNotFound(
      'native gltfpack is not installed: install it (Debian/Ubuntu: sudo apt-get install gltfpack) or set GLTFPACK_PATH',
    );
  }
  log('native gltfpack is missing: installing Debian’s gltfpack package with apt-get…');
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'gltfpack'],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      const reason = (result.stderr ?? '').trim().split('\n').pop() ?? `exit ${result.status}`;
      throw new GltfpackNotFound(
        `apt-get ${args[0]} failed (${reason}); install gltfpack by hand or set GLTFPACK_PATH`,
      );
    }
  }
  const installed = findNativeGltfpack();
  if (!installed) {
    throw new GltfpackNotFound('apt-get installed gltfpack but no executable was found; set GLTFPACK_PATH');
  }
  return installed;
}

export interface NativeGltfpack {
  readonly path: string;
  /** As its help text says, e.g. "0.18". */
  readonly version: string;
  /**
   * Whether it takes `-se` (simplification error cap). Debian's 0.18 predates it: its cap
   * is fixed at 1 % of the mesh's extent, which the benchmark's simplifications stay under.
   */
  readonly takesSimplifyError: boolean;
}

/** What the gltfpack at `path` can do, from its help text. */
export function describeNativeGltfpack(path: string): NativeGltfpack {
  const help = spawnSync(path, ['-h'], { encoding: 'utf8' });
  const text = `${help.stdout ?? ''}${help.stderr ?? ''}`;
  return {
    path,
    version: /gltfpack (\S+)/.exec(text)?.[1] ?? 'unknown',
    takesSimplifyError: /^\s*-se\b/m.test(text),
  };
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
