// gltfpack as a native program (Debian's package), for the large benchmark: the npm build
// is WebAssembly, limited to 4 GB of memory and slower, so it is not the fair peer for a
// 12-million-triangle scan. Found or installed as Chromium is (`@vitrine/cli/system`);
// where it can be neither, one line says what to install.
import { spawnSync } from 'node:child_process';
import { ensureSystemProgram, findSystemProgram, type SystemProgram } from '@vitrine/cli/system';

const GLTFPACK: SystemProgram = {
  label: 'native gltfpack',
  debianPackage: 'gltfpack',
  pathVariable: 'GLTFPACK_PATH',
  knownPaths: ['/usr/bin/gltfpack', '/usr/local/bin/gltfpack'],
  neededFor: 'not installed',
};

export class GltfpackNotFound extends Error {
  override name = 'GltfpackNotFound';
}

const notFound = (message: string) => new GltfpackNotFound(message);

/** The native gltfpack: GLTFPACK_PATH when set, else the first known install. */
export function findNativeGltfpack(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return findSystemProgram(GLTFPACK, notFound, env);
}

/** Finds the native gltfpack, installing Debian's package when it is missing and we may (root, apt-get). */
export function ensureNativeGltfpack(log: (line: string) => void = () => {}): string {
  return ensureSystemProgram(GLTFPACK, notFound, log);
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
