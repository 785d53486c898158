import type { StructuredLogger } from '../telemetry/runtime-types.js';
import type { BreadcrumbTrail } from './breadcrumbs.js';
import type { DeferredClient } from './deferred-client.js';
import { activeSpanIds } from './span-ids.js';

/** How long an uncaught exception waits for its report before the process exits. */
const FATAL_FLUSH_MS = 2_000;

/**
 * Reports uncaught exceptions and unhandled rejections. After an uncaught
 * exception the process prints it and exits with 1 once the report is sent
 * (or the flush timed out), as Node would without the hook, unless someone
 * else also listens for `uncaughtException`: then they decide. An unhandled
 * rejection is reported and logged as a warning; the process goes on.
 * Returns the function removing both hooks.
 */
export function installProcessHooks(
  sentry: DeferredClient,
  logger: StructuredLogger,
  breadcrumbs: BreadcrumbTrail,
): () => void {
  let exiting = false;
  const onUncaught = (error: unknown): void => {
    const span = activeSpanIds();
    const before = breadcrumbs.forTrace(span?.traceId);
    sentry.run((client) => client.captureUncaught(error, 'uncaughtException', span, before));
    if (exiting || process.listenerCount('uncaughtException') > 1) return;
    exiting = true;
    process.stderr.write(`Uncaught ${error instanceof Error ? error.stack : String(error)}\n`);
    void flushThenExit(sentry);
  };
  const onRejection = (reason: unknown): void => {
    const span = activeSpanIds();
    const before = breadcrumbs.forTrace(span?.traceId);
    sentry.run((client) => client.captureUncaught(reason, 'unhandledRejection', span, before));
    logger.warn('unhandled promise rejection (reported to Sentry)', {
      reason: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason),
    });
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onRejection);
  };
}

async function flushThenExit(sentry: DeferredClient): Promise<void> {
  const started = performance.now();
  try {
    const client = await sentry.ready(FATAL_FLUSH_MS);
    await client?.flush(Math.max(0, FATAL_FLUSH_MS - (performance.now() - started)));
  } finally {
    process.exit(1);
  }
}
