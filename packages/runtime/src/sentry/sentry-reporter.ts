import { randomUUID } from 'node:crypto';
import { envValue } from '../telemetry/runtime-types.js';
import { deferredClient } from './deferred-client.js';
import { jobMonitor } from './job-monitor.js';
import { installProcessHooks } from './process-hooks.js';
import { activeSpanIds } from './span-ids.js';
import type { SentryOptions, SentryReporter } from './start-sentry.js';

/**
 * The reporter behind {@link startSentry}: the client loads in the
 * background (`@sentry/core` takes tens of milliseconds to import), captures
 * queue until it is ready, and `flush()`/`close()` wait for it, so nothing
 * captured before shutdown is lost. The process hooks are on from the start.
 */
export function sentryReporter(dsn: string, options: SentryOptions): SentryReporter {
  const { env, logger } = options;
  const sentry = deferredClient(async () => {
    const { createSentryClient } = await import('./sentry-client.js');
    return createSentryClient({
      dsn,
      environment: envValue(env, 'ENVIRONMENT_ID') ?? 'unknown',
      serviceName: options.serviceName,
      serviceVersion: options.serviceVersion,
    });
  }, logger);
  const removeHooks = installProcessHooks(sentry, logger);
  const flush = async (timeoutMs = 2_000): Promise<boolean> => {
    const started = performance.now();
    const client = await sentry.ready(timeoutMs);
    if (client === undefined) return false;
    return client.flush(Math.max(0, timeoutMs - (performance.now() - started)));
  };

  return {
    captureLogRecord(record) {
      if (record.level !== 'error') return;
      const span = activeSpanIds();
      const { error, ...extra } = record.fields ?? {};
      if (error instanceof Error)
        sentry.run((client) =>
          client.captureError(error, { ...extra, message: record.message }, span),
        );
      else sentry.run((client) => client.captureMessage(record.message, record.fields ?? {}, span));
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
      const client = await sentry.ready(timeoutMs);
      await client?.close(timeoutMs);
    },
  };
}
