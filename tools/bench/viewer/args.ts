import { parseArgs } from 'node:util';
import { VIEWER_SOURCES } from './sources.js';

export interface ViewerBenchOptions {
  /** Visits per page and source; medians are reported. */
  readonly runs: number;
  readonly only: string | undefined;
}

export const USAGE = `usage: npm run bench:viewer -- [--runs <n>] [--only <source>]
  --runs <n>      visits per page and source, median reported (default 5)
  --only <name>   one source: ${VIEWER_SOURCES.map((source) => source.name).join(', ')}`;

/** Reads the command line; throws with the usage text on anything it does not understand. */
export function parseViewerBenchArgs(argv: readonly string[]): ViewerBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { runs: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  if (values.only !== undefined && !VIEWER_SOURCES.some((source) => source.name === values.only)) {
    throw new Error(`unknown source "${values.only}"\n${USAGE}`);
  }
  const runs = values.runs === undefined ? 5 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer\n${USAGE}`);
  return { runs, only: values.only };
}
