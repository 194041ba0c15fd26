import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** A program the project uses from the system (Chromium for posters and tests, gltfpack for the bench). */
export interface SystemProgram {
  /** As messages name it: "Chromium", "native gltfpack". */
  readonly label: string;
  /** Debian's package for it. */
  readonly debianPackage: string;
  /** The environment variable that names its path, overriding the search. */
  readonly pathVariable: string;
  /** Where distributions install it, most likely first. */
  readonly knownPaths: readonly string[];
  /** Said when it cannot be had: "needed for the browser tests". */
  readonly neededFor: string;
}

/** Turns a message into the caller's own error class, which its callers already catch. */
export type NotFound = (message: string) => Error;

/** The program's path: its path variable when set (and executable), else the first known install. */
export function findSystemProgram(
  program: SystemProgram,
  notFound: NotFound,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const configured = env[program.pathVariable];
  if (configured) {
    if (!isExecutable(configured)) {
      throw notFound(`${program.pathVariable} is ${configured}, which is not an executable file`);
    }
    return configured;
  }
  return program.knownPaths.find(isExecutable);
}

/**
 * Finds the program, installing Debian's package when it is missing and we may (root on a
 * Debian-like system with apt-get): the distribution's package works without internet
 * access to a vendor's download, and is what museums' servers have. Where it can be
 * neither found nor installed, one line says what to install.
 */
export function ensureSystemProgram(
  program: SystemProgram,
  notFound: NotFound,
  log: (line: string) => void = () => {},
): string {
  const found = findSystemProgram(program, notFound);
  if (found) return found;
  const { label, debianPackage, pathVariable } = program;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/etc/debian_version') || !commandExists('apt-get')) {
    throw notFound(
      `${label} is ${program.neededFor}: install it (Debian/Ubuntu: sudo apt-get install ${debianPackage}) or set ${pathVariable}`,
    );
  }
  log(`${label} is missing: installing Debian’s ${debianPackage} package with apt-get…`);
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', debianPackage],
  ]) {
    const result = spawnSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      const reason = (result.stderr ?? '').trim().split('\n').pop() ?? `exit ${result.status}`;
      throw notFound(`apt-get ${args[0]} failed (${reason}); install ${debianPackage} by hand or set ${pathVariable}`);
    }
  }
  const installed = findSystemProgram(program, notFound);
  if (!installed) {
    throw notFound(`apt-get installed ${debianPackage} but no executable was found; set ${pathVariable}`);
  }
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
