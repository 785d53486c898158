/** A job execution, as reporters see it. */
export interface JobExecution {
  readonly job: { readonly name: string; readonly version: string };
  /** `<execution>-<task index>-<attempt>` on Cloud Run; otherwise a trace ID or a random UUID. */
  readonly executionId: string;
  readonly environmentId: string;
  /** `JOB_EXECUTION_CRON_SCHEDULE`, for scheduled jobs. */
  readonly cronSchedule: string | undefined;
  /** `JOB_EXECUTION_DEADLINE` in milliseconds. */
  readonly deadlineMs: number | undefined;
  readonly startedAt: Date;
}

export type JobOutcome = 'succeeded' | 'failed' | 'deadline-exceeded' | 'interrupted';

export interface JobCompletion {
  readonly outcome: JobOutcome;
  readonly durationMs: number;
  readonly error: Error | undefined;
}

/**
 * Hears when a job execution starts and finishes, e.g. to send Sentry cron
 * check-ins. Calls are awaited, bounded; a failing reporter is logged and
 * does not change the job's result.
 */
export interface JobReporter {
  readonly name: string;
  started(execution: JobExecution): Promise<void>;
  finished(execution: JobExecution, completion: JobCompletion): Promise<void>;
}
