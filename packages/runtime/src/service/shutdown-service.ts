import type { Server } from 'node:http';
import type { Flusher } from '../integrations/integrations.js';
import type { Closer } from '../lifecycle.js';
import type { Logger } from '../logging/logger.js';
import type { RequestTracker } from '../server/request-tracker.js';
import { closeSteps, flushStep } from '../shutdown/common-steps.js';
import { drainConnections, stopAccepting } from '../shutdown/drain-server.js';
import { runShutdown, type ShutdownReport } from '../shutdown/run-shutdown.js';
import type { RunningRoutines } from './routine.js';

/** Budgets of the steps; they add up to {@link SHUTDOWN_BUDGET_MS}. */
export const SERVICE_SHUTDOWN_BUDGETS_MS = {
  drain: 4500,
  routines: 1000,
  flush: 1000,
  clients: 1500,
  telemetry: 1000,
} as const;

export interface ServiceShutdownParts {
  readonly markNotReady: () => void;
  readonly server: Server;
  readonly tracker: RequestTracker;
  readonly routines: RunningRoutines;
  readonly flushers: readonly Flusher[];
  readonly closers: readonly Closer[];
  readonly logger: Logger;
}

/**
 * A service's shutdown: stop reporting ready, stop accepting, drain in-flight
 * requests, stop routines, flush, close the clients concurrently (each with
 * its own deadline), then close telemetry and Sentry.
 */
export async function shutdownService(parts: ServiceShutdownParts): Promise<ShutdownReport> {
  const budgets = SERVICE_SHUTDOWN_BUDGETS_MS;
  parts.logger.info('shutting down', { inFlight: parts.tracker.inFlight });
  let closed: Promise<void> = Promise.resolve();
  const report = await runShutdown(
    [
      { name: 'stop reporting ready', budgetMs: 0, run: parts.markNotReady },
      {
        name: 'stop accepting',
        budgetMs: 0,
        run: () => {
          closed = stopAccepting(parts.server, parts.tracker);
          parts.logger.info('stopped accepting connections', { inFlight: parts.tracker.inFlight });
        },
      },
      {
        name: 'drain requests',
        budgetMs: budgets.drain,
        run: (timeoutMs) => drainConnections(parts.server, closed, parts.tracker, timeoutMs),
      },
      { name: 'stop routines', budgetMs: budgets.routines, run: (ms) => parts.routines.stop(ms) },
      flushStep(parts.flushers, budgets.flush),
      ...closeSteps(parts.closers, { clients: budgets.clients, last: budgets.telemetry }),
    ],
    parts.logger,
  );
  const log = report.clean ? parts.logger.info : parts.logger.error;
  log('shutdown finished', {
    clean: report.clean,
    durationMs: report.durationMs,
    steps: report.steps,
  });
  return report;
}
