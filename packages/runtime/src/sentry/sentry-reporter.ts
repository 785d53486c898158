import { randomUUID } from 'node:crypto';
import { envValue } from '../telemetry/runtime-types.js';
import { startBreadcrumbs, stopBreadcrumbs } from './breadcrumbs.js';
import { deferredClient } from './deferred-client.js';
import { recordHttpBreadcrumbs } from './http-breadcrumbs.js';
import { jobMonitor } from './job-monitor.js';
import { installProcessHooks } from './process-hooks.js';
import { activeSpanIds } from './span-ids.js';
import type { SentryOptions, SentryReporter } from './start-sentry.js';

/**
 * The reporter behind {@link startSentry}: the client loads in the
 * background (`@sentry/core` takes tens of milliseconds to import), captures
 * queue until it is ready, and `flush()`/`close()` wait for it, so nothing
 * captured before shutdown is lost. The process hooks and the breadcrumbs
 * (outgoing HTTP, the runtime's PostgreSQL and Redis clients, log records at
 * warn and above) are on from the start.
 */
export function sentryReporter(dsn: string, options: SentryOptions): SentryReporter {
  const { env, logger } = options;
  const breadcrumbs = startBreadcrumbs();
  const stopHttpBreadcrumbs = recordHttpBreadcrumbs();
  const sentry = deferredClient(async () => {
    const { createSentryClient } = await import('./sentry-client.js');
    return createSentryClient({
      dsn,
      environment: envValue(env, 'ENVIRONMENT_ID') ?? 'unknown',
      serviceName: options.serviceName,
      serviceVersion: options.serviceVersion,
      breadcrumbs,
    });
  }, logger);
  const removeHooks = installProcessHooks(sentry, logger, breadcrumbs);
  const flush = async (timeoutMs = 2_000): Promise<boolean> => {
    const started = performance.now();
    const client = await sentry.ready(timeoutMs);
    if (client === undefined) return false;
    return client.flush(Math.max(0, timeoutMs - (performance.now() - started)));
  };

  return {
    captureLogRecord(record) {
      if (record.level === 'debug' || record.level === 'info') return;
      if (record.level === 'warn') {
        breadcrumbs.add({ category: 'log', level: 'warning', message: record.message });
        return;
      }
      const span = activeSpanIds();
      const before = breadcrumbs.forTrace(span?.traceId);
      const { error, ...extra } = record.fields ?? {};
      if (error instanceof Error)
        sentry.run((client) =>
          client.captureError(error, { ...extra, message: record.message }, span, before),
        );
      else
        sentry.run((client) =>
          client.captureMessage(record.message, record.fields ?? {}, span, before),
        );
      breadcrumbs.add({ category: 'log', level: 'error', message: record.message });
    },
    startJobCheckIn(name) {
      const monitor = jobMonitor(name, env);
      if (monitor === undefined) return async () => {};
      const started = performance.now();
      const monitorSlug = monitor.slug;
      // Set when the in_progress check-in is sent (queued work runs in order).
      let checkInId: string | undefined;
      sentry.run((client) => {
        checkInId = client.captureCheckIn({ monitorSlug, status: 'in_progress' }, monitor.config);
      });
      return async (status) => {
        const duration = (performance.now() - started) / 1_000;
        sentry.run((client) =>
          client.captureCheckIn(
            {
              monitorSlug,
              status,
              duration,
              checkInId: checkInId ?? randomUUID().replaceAll('-', ''),
            },
            monitor.config,
          ),
        );
        await flush(1_000);
      };
    },
    flush,
    close: async (timeoutMs = 2_000) => {
      removeHooks();
      stopHttpBreadcrumbs();
      stopBreadcrumbs();
      const client = await sentry.ready(timeoutMs);
      await client?.close(timeoutMs);
    },
  };
}
