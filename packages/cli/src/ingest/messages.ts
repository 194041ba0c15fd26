import type { IngestOptions, IngestResult, ProgressUnit } from '@vitrine/pipeline';

/** What the pool sends a worker: one ingest, with everything but the callbacks. */
export interface IngestTask {
  index: number;
  options: Omit<IngestOptions, 'onStep' | 'onProgress' | 'renderPoster'>;
  /** Render poster.webp in headless Chromium (functions cannot cross to a worker, flags can). */
  poster: boolean;
}

/** What a worker answers, in order: steps, then one outcome. */
export type WorkerMessage =
  | { type: 'step'; index: number; step: string }
  | { type: 'progress'; index: number; step: string; done: number; total: number; unit: ProgressUnit }
  | { type: 'done'; index: number; result: IngestResult }
  | { type: 'failed'; index: number; message: string; code?: string; internal: boolean; stack?: string };
