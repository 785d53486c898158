/** How Sentry plugs into the runtime: a log sink and a job reporter. */
import type { JobOutcome, JobReporter } from '../job/job-reporter.js';
import type { LogSink } from '../logging/log-record.js';
import type { FinishCheckIn, SentryReporter } from '../sentry/start-sentry.js';

/**
 * Error-level records to Sentry (an `Error` in the record becomes the
 * exception); warn and error records become breadcrumbs.
 */
export function sentryLogSink(sentry: SentryReporter): LogSink {
  return {
    name: 'sentry',
    level: 'warn',
    write(record) {
      sentry.captureLogRecord({
        level: record.level,
        message: record.message,
        fields: {
          ...record.fields,
          ...(record.scope === undefined ? {} : { scope: record.scope }),
          ...(record.error === undefined ? {} : { error: record.error }),
        },
      });
    },
  };
}

const CHECK_IN_STATUS: Readonly<Record<JobOutcome, 'ok' | 'error'>> = {
  succeeded: 'ok',
  failed: 'error',
  'deadline-exceeded': 'error',
  interrupted: 'error',
};

/**
 * Sentry cron check-ins: `in_progress` when an execution starts, `ok` or
 * `error` when it ends (only for scheduled jobs; see `jobMonitor`).
 */
export function sentryJobReporter(sentry: SentryReporter): JobReporter {
  const pending = new Map<string, FinishCheckIn>();
  return {
    name: 'sentry check-ins',
    started: async (execution) => {
      pending.set(execution.executionId, sentry.startJobCheckIn(execution.job.name));
    },
    finished: async (execution, completion) => {
      const finish = pending.get(execution.executionId);
      pending.delete(execution.executionId);
      await finish?.(CHECK_IN_STATUS[completion.outcome]);
    },
  };
}
