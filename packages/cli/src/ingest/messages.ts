import type { IngestOptions, IngestResult } from '@vitrine/pipeline';

/** What the pool sends a worker: one ingest, with everything but the callbacks. */
export interface IngestTask {
  index: number;
  options: Omit<IngestOptions, 'onStep'>;
}

/** What a worker answers, in order: steps, then one outcome. */
export type WorkerMessage =
  | { type: 'step'; index: number; step: string }
  | { type: 'done'; index: number; result: IngestResult }
  | { type: 'failed'; index: number; message: string; code?: string; internal: boolean; stack?: string };
