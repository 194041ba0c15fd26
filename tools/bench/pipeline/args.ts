import { parseArgs } from 'node:util';
import { VIEWS, type ViewDirection } from '../render/views.js';
import { QUICK_SOURCES, SOURCES, type BenchSource } from './sources.js';

export interface BenchOptions {
  readonly quick: boolean;
  readonly only: string | undefined;
  /** Candidates in order; --quick runs the first one whose file is there. */
  readonly sources: readonly BenchSource[];
  readonly runs: number;
  readonly samples: number;
  readonly views: readonly ViewDirection[];
  readonly renderSize: number;
}

export const USAGE = `usage: npm run bench:pipeline -- [--quick] [--only <source>] [--runs <n>] [--samples <n>]
  --quick         one small source, two views, fewer surface samples: a smoke run
  --only <name>   one source: ${[...SOURCES, ...QUICK_SOURCES.slice(1)].map((source) => source.name).join(', ')}
  --runs <n>      timed runs per tool, median reported (default 1)
  --samples <n>   surface samples per mesh for the Hausdorff distance (default 200000)`;

/** Reads the command line; throws with the usage text on anything it does not understand. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string' },
      samples: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const quick = values.quick ?? false;
  const known = [...SOURCES, ...QUICK_SOURCES];
  let sources: readonly BenchSource[] = quick ? QUICK_SOURCES : SOURCES;
  if (values.only !== undefined) {
    const chosen = known.find((source) => source.name === values.only);
    if (!chosen) throw new Error(`unknown source "${values.only}"\n${USAGE}`);
    sources = [chosen];
  }
  return {
    quick,
    only: values.only,
    sources,
    runs: positiveInteger(values.runs, 1, 'runs'),
    samples: positiveInteger(values.samples, quick ? 10_000 : 200_000, 'samples'),
    // Two views keep the smoke run short; the full run uses all six.
    views: quick ? VIEWS.filter((view) => view.name === 'front' || view.name === 'three-quarter') : VIEWS,
    renderSize: 512,
  };
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
  return parsed;
}
