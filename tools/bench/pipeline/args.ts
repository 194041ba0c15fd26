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
  /** Set by --large, --huge or --large-sizes: the generated large scans instead of the sources. */
  readonly large: LargeBenchOptions | undefined;
  /** Set by --subdivided: the Bali mask subdivided to 1.6M triangles, whole ingest against gltf-transform. */
  readonly subdivided: boolean;
}

export interface LargeBenchOptions {
  /** Triangle counts of the generated scans, smallest first. */
  readonly sizes: readonly number[];
  /** Side of each generated atlas in texels. */
  readonly atlasSize: number;
  /** Atlases per scan; undefined: the generator's default (one per 1.5M triangles). */
  readonly atlases: number | undefined;
}

/** --large: the sizes; --huge adds the 30M export. */
const LARGE_SIZES = [3_000_000, 12_000_000];
const HUGE_SIZES = [...LARGE_SIZES, 30_000_000];

export const USAGE = `usage: npm run bench:pipeline -- [--quick] [--only <source>] [--runs <n>] [--samples <n>]
       npm run bench:pipeline -- --large | --huge | --large-sizes <n,n,...> [--atlas-size <n>] [--atlases <n>]
       npm run bench:pipeline -- --subdivided [--runs <n>]
  --quick         one small source, two views, fewer surface samples: a smoke run
  --only <name>   one source: ${[...SOURCES, ...QUICK_SOURCES.slice(1)].map((source) => source.name).join(', ')}
  --runs <n>      timed runs per tool, median reported (default 1)
  --samples <n>   surface samples per mesh for the Hausdorff distance (default 200000)
  --large         generated photogrammetry OBJ exports of 3M and 12M triangles (made into
                  .cache/bench/large/ when missing): our whole \`vitrine ingest\`, our mobile
                  derivative alone, gltfpack native and gltfpack npm; results in
                  .cache/bench/pipeline-large.{json,md,svg}
  --huge          --large and a 30M-triangle export
  --large-sizes <list>  the large benchmark at these triangle counts, e.g. 200k,1M or 200000,300000
  --atlas-size <n>      side of the generated atlases in texels (default 8192; e.g. 1024 for a trial)
  --atlases <n>         atlases per generated scan (default: one per 1.5M triangles, 2 for 3M, 8 for 12M)
  --subdivided    the Bali mask scan subdivided twice (1.6M triangles, made into .cache/bench/subdivided/
                  when missing): our whole \`vitrine ingest\` (without and with the poster) against one
                  \`gltf-transform optimize\` run; results in .cache/bench/pipeline-subdivided.{json,md}`;

/** Reads the command line; throws with the usage text on anything it does not understand. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string' },
      samples: { type: 'string' },
      large: { type: 'boolean', default: false },
      huge: { type: 'boolean', default: false },
      'large-sizes': { type: 'string' },
      'atlas-size': { type: 'string' },
      atlases: { type: 'string' },
      subdivided: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const quick = values.quick ?? false;
  const subdivided = values.subdivided ?? false;
  if (subdivided && (quick || values.only !== undefined || values.samples !== undefined)) {
    throw new Error(
      `--subdivided has its own source and no fidelity scores: no --quick, --only or --samples\n${USAGE}`,
    );
  }
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
    large: largeOptions(values),
    subdivided,
  };
}

function largeOptions(values: {
  large?: boolean;
  huge?: boolean;
  'large-sizes'?: string;
  'atlas-size'?: string;
  atlases?: string;
  only?: string;
  subdivided?: boolean;
}): LargeBenchOptions | undefined {
  const sizes =
    values['large-sizes'] !== undefined
      ? triangleCounts(values['large-sizes'])
      : values.huge
        ? HUGE_SIZES
        : values.large
          ? LARGE_SIZES
          : undefined;
  if (sizes && values.subdivided) throw new Error(`--subdivided and the large benchmark are separate runs\n${USAGE}`);
  if (!sizes) {
    if (values['atlas-size'] !== undefined || values.atlases !== undefined) {
      throw new Error(`--atlas-size and --atlases are for the large benchmark (--large)\n${USAGE}`);
    }
    return undefined;
  }
  if (values.only !== undefined) throw new Error(`--only names a source; the large benchmark has none\n${USAGE}`);
  const atlasSize = positiveInteger(values['atlas-size'], 8192, 'atlas-size');
  // Below this the generator's 32 charts an atlas no longer fit with their gutters.
  if (atlasSize < 64) throw new Error(`--atlas-size must be at least 64\n${USAGE}`);
  return {
    sizes,
    atlasSize,
    atlases: values.atlases === undefined ? undefined : positiveInteger(values.atlases, 1, 'atlases'),
  };
}

const SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6 };

/** "200k,1M,3000000" → [200000, 1000000, 3000000], sorted, without repeats. */
function triangleCounts(list: string): number[] {
  const counts = list.split(',').map((item) => {
    const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(item.trim());
    const value = match ? Math.round(Number(match[1]) * (SUFFIXES[match[2]!.toLowerCase()] ?? 1)) : NaN;
    if (!(value >= 200))
      throw new Error(`--large-sizes takes triangle counts ≥ 200 like 200k,1M, not "${item}"\n${USAGE}`);
    return value;
  });
  return [...new Set(counts)].sort((a, b) => a - b);
}

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
  return parsed;
}
