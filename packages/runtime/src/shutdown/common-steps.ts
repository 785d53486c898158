import type { Flusher } from '../integrations/integrations.js';
import type { Closer } from '../lifecycle.js';
import { closeConcurrently, closerStages } from './close-concurrently.js';
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

/**
 * The two closing steps: the clients concurrently, each within the first
 * budget; then the closers marked `last` (telemetry, Sentry) within their own,
 * so a stuck client cannot cost them their export.
 */
export function closeSteps(
  closers: readonly Closer[],
  budgets: { readonly clients: number; readonly last: number },
): ShutdownStep[] {
  const { clients, last } = closerStages(closers);
  return [
    {
      name: 'close clients',
      budgetMs: budgets.clients,
      run: (timeoutMs) => closeConcurrently(clients, timeoutMs),
    },
    {
      name: 'close telemetry',
      budgetMs: budgets.last,
      run: (timeoutMs) => closeConcurrently(last, timeoutMs),
    },
  ];
}
