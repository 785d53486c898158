import type { Flusher } from '../integrations/integrations.js';
import type { Closer } from '../lifecycle.js';
import { closeInReverse } from './close-in-reverse.js';
import type { ShutdownStep } from './run-shutdown.js';
import { settleAll } from './with-timeout.js';

/** Flushes every flusher concurrently. */
export function flushStep(flushers: readonly Flusher[], budgetMs: number): ShutdownStep {
  return {
    name: 'flush',
    budgetMs,
    run: (timeoutMs) =>
      settleAll(
        flushers.map((flusher) => ({ name: flusher.name, run: () => flusher.flush() })),
        timeoutMs,
        'flushing',
      ),
  };
}

/** Closes clients, last registered first. */
export function closeClientsStep(closers: readonly Closer[], budgetMs: number): ShutdownStep {
  return {
    name: 'close clients',
    budgetMs,
    run: (timeoutMs) => closeInReverse(closers, timeoutMs),
  };
}
