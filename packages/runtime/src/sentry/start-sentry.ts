import type { LogFields } from '../logging/log-record.js';
import type { RuntimeEnv, StructuredLogger } from '../telemetry/runtime-types.js';
import { IntegrationConfigError, envValue } from '../telemetry/runtime-types.js';

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
  /**
   * Reports error-level records (an `error` field that is an Error becomes
   * the exception) and keeps warn and error records as breadcrumbs; ignores
   * the rest.
   */
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
 * owns the one SDK, and events carry the OpenTelemetry trace active where
 * they were captured. Uncaught exceptions and unhandled rejections are
 * reported. The client loads in the background, off the start-up path:
 * records captured meanwhile are queued (bounded), and `flush()`/`close()`
 * wait for it.
 */
export async function startSentry(options: SentryOptions): Promise<SentryReporter | undefined> {
  const dsn = envValue(options.env, 'SENTRY_DSN');
  if (dsn === undefined) return undefined;
  checkDsn(dsn);
  const { sentryReporter } = await import('./sentry-reporter.js');
  return sentryReporter(dsn, options);
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
