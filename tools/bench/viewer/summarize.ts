import { median } from '../pipeline/run-tools.js';
import type { MedianKey, PageResult, RunRecord, SourceComparison } from './results.js';

/** The product owner's goals: first frame in at most half model-viewer's time, initial JS no heavier. */
export const FIRST_FRAME_GOAL = 0.5;
export const INITIAL_JS_GOAL = 1;

const VALUE_OF: Readonly<Record<MedianKey, (run: RunRecord) => number>> = {
  pixelMs: (run) => run.pixelMs,
  eventMs: (run) => run.eventMs,
  bytesBeforePixels: (run) => run.bytesBeforePixels,
  requestsBeforePixels: (run) => run.requestsBeforePixels,
  jsGzipBeforePixels: (run) => run.jsBeforePixels.gzipBytes,
  jsRawBeforePixels: (run) => run.jsBeforePixels.rawBytes,
  heapBytes: (run) => run.heapBytes,
};

export function mediansOf(runs: readonly RunRecord[]): Record<MedianKey, number> {
  const entries = Object.entries(VALUE_OF).map(([key, value]) => [key, median(runs.map(value))]);
  return Object.fromEntries(entries) as Record<MedianKey, number>;
}

export function compare(ours: PageResult, modelViewer: PageResult): Pick<SourceComparison, 'ratios' | 'goals'> {
  const keys = Object.keys(VALUE_OF) as MedianKey[];
  const ratios = Object.fromEntries(keys.map((key) => [key, ours.median[key] / modelViewer.median[key]])) as Record<
    MedianKey,
    number
  >;
  return {
    ratios,
    goals: {
      firstFrame: ratios.pixelMs <= FIRST_FRAME_GOAL,
      initialJs: ratios.jsGzipBeforePixels <= INITIAL_JS_GOAL,
    },
  };
}
