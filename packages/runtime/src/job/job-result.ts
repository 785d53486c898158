import type { JobOutcome } from './job-reporter.js';

/** Exit codes of a job process, by outcome. */
export const JOB_EXIT_CODES: Readonly<Record<JobOutcome, number>> = {
  succeeded: 0,
  failed: 1,
  /** As coreutils `timeout` does. */
  'deadline-exceeded': 124,
  /** 128 + SIGTERM. */
  interrupted: 143,
};

export interface JobResult {
  readonly outcome: JobOutcome;
  readonly exitCode: number;
  readonly executionId: string;
  readonly durationMs: number;
  readonly error: Error | undefined;
  /** Whether flushing and closing after the execution finished cleanly. */
  readonly cleanShutdown: boolean;
}
