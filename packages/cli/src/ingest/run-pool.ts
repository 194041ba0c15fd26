import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IngestResult, ProgressUnit } from '@vitrine/pipeline';
import type { IngestTask, WorkerMessage } from './messages.js';

export type TaskOutcome =
  | { ok: true; result: IngestResult; seconds: number }
  | { ok: false; message: string; code?: string; internal: boolean; stack?: string; seconds: number };

export interface PoolCallbacks {
  onStep(index: number, step: string): void;
  /** A long step advancing: `done` of `total` bytes read, or textures encoded. */
  onProgress(index: number, step: string, done: number, total: number, unit: ProgressUnit): void;
  /** Called as each task finishes, in completion order. */
  onOutcome(index: number, outcome: TaskOutcome): void;
}

export interface IngestPool {
  /** Resolves with every task's outcome, in task order. */
  done: Promise<TaskOutcome[]>;
  /** Stops every worker at once (Ctrl-C). Unfinished tasks are left unfinished. */
  stop(): Promise<void>;
}

/**
 * Runs ingests on worker threads, as many as there are cores (each ingest is CPU-bound
 * wasm and image work), never more than there are files. Each worker takes the next file
 * when it finishes one, so a large scan does not hold up the small ones.
 */
export function runIngestPool(
  tasks: IngestTask['options'][],
  callbacks: PoolCallbacks,
  settings: { poster: boolean; size?: number },
): IngestPool {
  const size = settings.size ?? availableParallelism();
  const outcomes: TaskOutcome[] = new Array(tasks.length);
  const workers: Worker[] = [];
  let next = 0;
  let stopped = false;

  const done = new Promise<TaskOutcome[]>((resolve, reject) => {
    let remaining = tasks.length;
    if (remaining === 0) resolve(outcomes);
    const startedAt = new Map<number, number>();
    const finish = async (index: number, outcome: TaskOutcome, worker: Worker) => {
      outcomes[index] = outcome;
      callbacks.onOutcome(index, outcome);
      remaining--;
      if (remaining === 0) {
        await Promise.all(workers.map((w) => w.terminate()));
        resolve(outcomes);
      } else {
        feed(worker);
      }
    };
    const feed = (worker: Worker) => {
      if (stopped || next >= tasks.length) return;
      const index = next++;
      startedAt.set(index, performance.now());
      worker.postMessage({ index, options: tasks[index]!, poster: settings.poster } satisfies IngestTask);
    };
    const seconds = (index: number) => (performance.now() - (startedAt.get(index) ?? performance.now())) / 1000;

    for (let i = 0; i < Math.max(1, Math.min(size, tasks.length)); i++) {
      const worker = new Worker(new URL('./worker-entry.js', import.meta.url));
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'step') return callbacks.onStep(message.index, message.step);
        if (message.type === 'progress') {
          return callbacks.onProgress(message.index, message.step, message.done, message.total, message.unit);
        }
        const outcome: TaskOutcome =
          message.type === 'done'
            ? { ok: true, result: message.result, seconds: seconds(message.index) }
            : { ok: false, ...withoutType(message), seconds: seconds(message.index) };
        finish(message.index, outcome, worker).catch(reject);
      });
      worker.on('error', (error) => {
        if (!stopped) reject(error);
      });
      feed(worker);
    }
  });

  return {
    done,
    async stop() {
      stopped = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function withoutType(message: Extract<WorkerMessage, { type: 'failed' }>) {
  const { type: _type, index: _index, ...rest } = message;
  return rest;
}
