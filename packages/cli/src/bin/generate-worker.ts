// A worker thread of `msp generate` (see generation/parallel-generate.ts): it
// generates the specs the command hands it, one at a time, and answers with
// each outcome and the warnings it printed.
import { parentPort, workerData } from 'node:worker_threads';
import { createColors } from '../cli/colors.js';
import { generateOutcome } from '../commands/generate.js';
import { forwardPlatformIssues } from '../spec/prepare-spec.js';
import type { GenerateContext, GenerateWorkerInput } from '../commands/generate.js';
import type { WorkerReply, WorkerRequest } from '../generation/parallel-generate.js';

const input = workerData as GenerateWorkerInput;
const port = parentPort;
if (port === null) throw new Error('generate-worker runs as a worker thread of msp generate');

let stderr = '';
let platform: { key: string; text: string }[] = [];
const context: GenerateContext = {
  io: {
    cwd: input.cwd,
    env: input.env,
    stdout: { write: () => true },
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
    },
  },
  options: input.options,
  args: [],
  colors: createColors(input.color),
  verbose: false,
};

forwardPlatformIssues(context.io, (key, text) => platform.push({ key, text }));

port.on('message', (request: WorkerRequest) => {
  if ('stop' in request) {
    port.close();
    return;
  }
  stderr = '';
  platform = [];
  generateOutcome(context, request.file).then(
    (outcome) =>
      port.postMessage({
        index: request.index,
        outcome: { ...outcome, stderr, platform },
      } satisfies WorkerReply),
    (error: unknown) =>
      port.postMessage({
        index: request.index,
        crash:
          error instanceof Error
            ? {
                message: error.message,
                ...(error.stack === undefined ? {} : { stack: error.stack }),
              }
            : { message: String(error) },
      } satisfies WorkerReply),
  );
});
