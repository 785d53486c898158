import type { Logger } from '../logging/logger.js';
import { settleAll } from '../shutdown/with-timeout.js';

/** Background work a service runs next to its HTTP handler, such as a queue consumer. */
export interface Routine {
  readonly name: string;
  /**
   * Starts the routine. `signal` aborts when shutdown begins. A returned
   * promise may run for the routine's whole life; if it rejects before
   * shutdown, the service shuts down and exits non-zero.
   */
  start(signal: AbortSignal): void | Promise<void>;
  /** Stops the routine; shutdown awaits it, bounded. */
  stop(): Promise<void>;
}

export interface RunningRoutines {
  /** Aborts the routines' signal, then awaits every `stop()` and `start()` within `timeoutMs`. */
  stop(timeoutMs: number): Promise<void>;
}

/** Starts every routine; `onFailure` is called when one fails before shutdown. */
export function startRoutines(
  routines: readonly Routine[],
  logger: Logger,
  onFailure: (routine: Routine, error: unknown) => void,
): RunningRoutines {
  const controller = new AbortController();
  const running = routines.map((routine) => {
    const done = Promise.resolve()
      .then(() => routine.start(controller.signal))
      .then(
        () => {
          if (!controller.signal.aborted)
            logger.info('routine finished', { routine: routine.name });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          logger.error('routine failed', { routine: routine.name, error });
          onFailure(routine, error);
        },
      );
    return { routine, done };
  });
  return {
    async stop(timeoutMs) {
      controller.abort(new Error('shutting down'));
      await settleAll(
        running.map(({ routine, done }) => ({
          name: routine.name,
          run: async () => {
            await routine.stop();
            await done;
          },
        })),
        timeoutMs,
        'stopping routine',
      );
    },
  };
}
