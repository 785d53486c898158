import type { LogFields } from '../logging/log-record.js';
import type { RuntimeEnv, StructuredLogger } from '../telemetry/runtime-types.js';
import { IntegrationConfigError, envValue } from '../telemetry/runtime-types.js';
import { jobMonitor } from './job-monitor.js';

export interface SentryOptions {
  readonly env: RuntimeEnv;
  readonly serviceName: string;
  readonly serviceVersion: string;
  readonly logger: StructuredLogger;
}

/** A log record as the runtime's logger hands it over. */
export interface SentryLogRecord {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields?: LogFields;
}

/** Ends a job execution's check-in. */
export type FinishCheckIn = (status: 'ok' | 'error') => Promise<void>;

export interface SentryReporter {
  /** Reports error-level records (an `error` field that is an Error becomes the exception); ignores the rest. */
  captureLogRecord(record: SentryLogRecord): void;
  /**
   * Sends an `in_progress` check-in for job `name` and returns the function
   * sending `ok` or `error` with the duration (then flushing). A no-op when
   * the job is not scheduled.
   */
  startJobCheckIn(name: string): FinishCheckIn;
  /** Sends what is queued; resolves false when the timeout passed first. */
  flush(timeoutMs?: number): Promise<boolean>;
  /** Flushes and stops the client. */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * Starts Sentry error reporting when `SENTRY_DSN` is set (else resolves
 * undefined and loads nothing). Environment is `ENVIRONMENT_ID`, release
 * `<name>@<version>`. Sentry does not set up OpenTelemetry here: the runtime
 * owns the one SDK, and events carry the active OpenTelemetry trace.
 * Uncaught exceptions and unhandled rejections are reported.
 */
export async function startSentry(options: SentryOptions): Promise<SentryReporter | undefined> {
  const dsn = envValue(options.env, 'SENTRY_DSN');
  if (dsn === undefined) return undefined;
  checkDsn(dsn);
  const [Sentry, { trace }] = await Promise.all([
    import('@sentry/node'),
    import('@opentelemetry/api'),
  ]);
  const client = Sentry.initWithoutDefaultIntegrations({
    dsn,
    environment: envValue(options.env, 'ENVIRONMENT_ID') ?? 'unknown',
    release: `${options.serviceName}@${options.serviceVersion}`,
    enableOpenTelemetrySetup: false,
    enableRuntimeChannelInjection: false,
    integrations: [
      Sentry.onUncaughtExceptionIntegration(),
      Sentry.onUnhandledRejectionIntegration(),
      Sentry.linkedErrorsIntegration(),
      Sentry.dedupeIntegration(),
      Sentry.nodeContextIntegration(),
    ],
    initialScope: {
      tags: {
        'resource.service.name': options.serviceName,
        'resource.service.version': options.serviceVersion,
      },
    },
  });
  // Link events to the OpenTelemetry trace active where they were captured.
  Sentry.addEventProcessor((event) => {
    const span = trace.getActiveSpan()?.spanContext();
    if (span === undefined) return event;
    return {
      ...event,
      contexts: { ...event.contexts, trace: { trace_id: span.traceId, span_id: span.spanId } },
    };
  });

  return {
    captureLogRecord(record) {
      if (record.level !== 'error') return;
      const { error, ...extra } = record.fields ?? {};
      if (error instanceof Error)
        Sentry.captureException(error, { extra: { ...extra, message: record.message } });
      else Sentry.captureMessage(record.message, { level: 'error', extra: record.fields ?? {} });
    },
    startJobCheckIn(name) {
      const monitor = jobMonitor(name, options.env);
      if (monitor === undefined) return async () => {};
      const started = performance.now();
      const checkInId = Sentry.captureCheckIn(
        { monitorSlug: monitor.slug, status: 'in_progress' },
        monitor.config,
      );
      return async (status) => {
        const duration = (performance.now() - started) / 1_000;
        Sentry.captureCheckIn(
          { monitorSlug: monitor.slug, status, checkInId, duration },
          monitor.config,
        );
        await Sentry.flush(1_000);
      };
    },
    flush: (timeoutMs = 2_000) => Sentry.flush(timeoutMs),
    close: async (timeoutMs = 2_000) => {
      await client?.close(timeoutMs);
    },
  };
}

/** A DSN is `https://<public key>@<host>/<project id>`. @throws IntegrationConfigError otherwise */
export function checkDsn(dsn: string): void {
  const url = URL.canParse(dsn) ? new URL(dsn) : undefined;
  if (
    url === undefined ||
    !/^https?:$/.test(url.protocol) ||
    url.username === '' ||
    !/^\/.*\d+$/.test(url.pathname)
  ) {
    throw new IntegrationConfigError('Sentry', [
      'SENTRY_DSN: expected a Sentry DSN such as https://<key>@o0.ingest.sentry.io/<project id>',
    ]);
  }
}
