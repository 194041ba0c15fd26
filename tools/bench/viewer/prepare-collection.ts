import path from 'node:path';
import { ingest } from '@vitrine/pipeline';
import { pipelineCodeKey, readStamp, writeStamp } from '../../collection/code-stamp.js';
import { ROOT } from '../pipeline/sources.js';
import { VIEWER_BENCH_DIR, type ViewerBenchSource } from './sources.js';

export const BENCH_COLLECTION = path.join(VIEWER_BENCH_DIR, 'collection');

/**
 * Ingests each source into the benchmark's own collection with the real pipeline, as a
 * curator's `vitrine ingest` would (default profiles, no poster: the page under test never
 * shows one). The ingest skips unchanged sources by itself; a change to the pipeline's
 * code is not in its key, so it is forced when the code changed since the last run.
 */
export async function prepareBenchCollection(
  sources: readonly ViewerBenchSource[],
  log: (line: string) => void,
): Promise<void> {
  const codeKey = await pipelineCodeKey(ROOT);
  const stampFile = path.join(BENCH_COLLECTION, 'pipeline-stamp.json');
  const force = (await readStamp(stampFile)) !== codeKey;
  for (const source of sources) {
    const started = performance.now();
    const result = await ingest({ file: source.file, collection: BENCH_COLLECTION, id: source.name, force });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`${source.name}: ingest ${result.status} (${seconds} s)`);
  }
  await writeStamp(stampFile, codeKey);
}
