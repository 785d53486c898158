import { formatDuration } from '../config/duration.js';
import type { JobCompletion } from './job-reporter.js';

/** After the signal aborts, how long `execute` may take to wind down before the runtime gives up on it. */
export const ABORT_GRACE_MS = 2000;

export interface ExecutionLimits {
  readonly deadlineMs: number | undefined;
  /** External stop, such as SIGTERM. */
  readonly signal: AbortSignal | undefined;
}

const asError = (value: unknown): Error =>
  value instanceof Error ? value : new Error(`job failed with a non-error value: ${String(value)}`);

const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs `execute` once, aborting its signal when the deadline passes or the
 * external signal aborts. Returns how it ended; never throws.
 */
export async function runExecution(
  execute: (signal: AbortSignal) => void | Promise<void>,
  limits: ExecutionLimits,
): Promise<JobCompletion> {
  const started = performance.now();
  const controller = new AbortController();
  let outcomeOnAbort: 'deadline-exceeded' | 'interrupted' = 'interrupted';
  const deadline =
    limits.deadlineMs === undefined
      ? undefined
      : setTimeout(() => {
          outcomeOnAbort = 'deadline-exceeded';
          controller.abort(
            new Error(`deadline of ${formatDuration(limits.deadlineMs ?? 0)} exceeded`),
          );
        }, limits.deadlineMs);
  const onStop = (): void => controller.abort(new Error('execution interrupted'));
  limits.signal?.addEventListener('abort', onStop, { once: true });
  if (limits.signal?.aborted) onStop();

  const settled = Promise.resolve()
    .then(() => execute(controller.signal))
    .then(
      () => undefined,
      (error: unknown) => asError(error),
    );
  const aborted = new Promise<void>((resolve) =>
    controller.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  try {
    const first = await Promise.race([
      settled.then((error) => ({ kind: 'settled' as const, error })),
      aborted.then(() => ({ kind: 'aborted' as const })),
    ]);
    const durationMs = (): number => Math.round(performance.now() - started);
    if (first.kind === 'settled') {
      return first.error === undefined
        ? { outcome: 'succeeded', durationMs: durationMs(), error: undefined }
        : { outcome: 'failed', durationMs: durationMs(), error: first.error };
    }
    await Promise.race([settled, delay(ABORT_GRACE_MS)]);
    const reason: unknown = controller.signal.reason;
    return { outcome: outcomeOnAbort, durationMs: durationMs(), error: asError(reason) };
  } finally {
    clearTimeout(deadline);
    limits.signal?.removeEventListener('abort', onStop);
  }
}
