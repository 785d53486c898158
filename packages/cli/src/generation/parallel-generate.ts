import { Worker } from 'node:worker_threads';
import type { GenerateWorkerInput, SpecOutcome } from '../commands/generate.js';

/** A message from a worker: one spec's outcome, or a failure that is a bug in msp. */
export type WorkerReply =
  | { readonly index: number; readonly outcome: SpecOutcome }
  | {
      readonly index: number;
      readonly crash: { readonly message: string; readonly stack?: string };
    };

/** A message to a worker: generate this spec, or stop. */
export type WorkerRequest =
  { readonly index: number; readonly file: string } | { readonly stop: true };

/**
 * Generates `files` on `count` worker threads (`worker`, the binary's
 * generate-worker.js), handing each the next spec as it finishes one, and
 * calls `report` for every outcome in spec order, as soon as all earlier
 * ones are in: output is the same as in one thread, whatever the timing.
 * @throws Error with the worker's stack when generation crashes (a bug), after stopping every worker.
 */
export async function generateInWorkers(
  worker: URL,
  files: readonly string[],
  count: number,
  input: GenerateWorkerInput,
  report: (index: number, outcome: SpecOutcome) => void,
): Promise<void> {
  const outcomes = new Map<number, SpecOutcome>();
  let next = 0;
  let reported = 0;
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const dispatch = (thread: Worker) => {
        const request: WorkerRequest =
          next < files.length ? { index: next, file: files[next++] ?? '' } : { stop: true };
        thread.postMessage(request);
      };
      for (let i = 0; i < count; i++) {
        const thread = new Worker(worker, { workerData: input });
        threads.push(thread);
        thread.on('message', (reply: WorkerReply) => {
          if ('crash' in reply) {
            const error = new Error(reply.crash.message);
            if (reply.crash.stack !== undefined) error.stack = reply.crash.stack;
            reject(error);
            return;
          }
          outcomes.set(reply.index, reply.outcome);
          for (let o = outcomes.get(reported); o !== undefined; o = outcomes.get(reported)) {
            outcomes.delete(reported);
            report(reported++, o);
          }
          if (reported === files.length) resolve();
          else dispatch(thread);
        });
        thread.on('error', reject);
        thread.on('exit', (code) => {
          if (code !== 0 && reported < files.length)
            reject(new Error(`a generate worker exited with code ${code}`));
        });
        dispatch(thread);
      }
    });
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
