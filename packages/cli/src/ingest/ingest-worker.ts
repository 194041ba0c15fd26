import { parentPort } from 'node:worker_threads';
import { ingest, isScanError } from '@vitrine/pipeline';
import { renderPoster } from '../poster/render-poster.js';
import type { IngestTask, WorkerMessage } from './messages.js';

// One ingest at a time; the pool hands out the next file when this one is done.
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

port.on('message', async ({ index, options, poster }: IngestTask) => {
  try {
    const result = await ingest({
      ...options,
      onStep: (step) => send({ type: 'step', index, step }),
      onProgress: (step, done, total, unit) => send({ type: 'progress', index, step, done, total, unit }),
      ...(poster ? { renderPoster } : {}),
    });
    send({ type: 'done', index, result });
  } catch (error) {
    const scanError = isScanError(error);
    send({
      type: 'failed',
      index,
      message: error instanceof Error ? error.message : String(error),
      code: scanError ? error.code : undefined,
      internal: !scanError,
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
});
