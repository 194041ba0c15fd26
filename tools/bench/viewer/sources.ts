import { existsSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES_DIR } from '../../collection/prepare-sample-collection.js';
import { generateSamples } from '../../samples/generate.js';
import { BENCH_DIR, SOURCES } from '../pipeline/sources.js';

/** Everything this benchmark builds and keeps, for a second look after a run. */
export const VIEWER_BENCH_DIR = path.join(BENCH_DIR, 'viewer');

export interface ViewerBenchSource {
  /** Short name, also the artefact id in the benchmark's collection. */
  readonly name: string;
  readonly description: string;
  /** The original scan: what model-viewer loads, and what our pipeline ingests. */
  readonly file: string;
  /** Made by the sample generator when missing, rather than skipped. */
  readonly generated?: boolean;
}

const baliMask = SOURCES.find((source) => source.name === 'bali-mask')!;

export const VIEWER_SOURCES: readonly ViewerBenchSource[] = [
  {
    name: 'amphora',
    description: 'generated sample: 300k triangles, 4096² JPEG, GLB',
    file: path.join(SAMPLES_DIR, 'amphora.glb'),
    generated: true,
  },
  { name: baliMask.name, description: baliMask.description, file: baliMask.file },
];

/** Why a source cannot be benchmarked here, or undefined when its file is there (or was just made). */
export async function ensureViewerSource(source: ViewerBenchSource): Promise<string | undefined> {
  if (existsSync(source.file)) return undefined;
  if (!source.generated) return `${source.file} is absent`;
  await generateSamples(path.dirname(source.file));
  return existsSync(source.file) ? undefined : `the sample generator did not write ${source.file}`;
}
