import { formatDuration } from '../config/duration.js';
import type { ConfigDefinition } from '../config/variable.js';
import { jobContract } from '../contract/contract.js';
import type { JobReporter } from './job-reporter.js';
import { prepareWorkload, type WorkloadOptions } from '../internal/prepare-workload.js';
import type { Logger } from '../logging/logger.js';
import { closeSteps, flushStep } from '../shutdown/common-steps.js';
import { runShutdown } from '../shutdown/run-shutdown.js';
import { settleAll } from '../shutdown/with-timeout.js';
import { jobExecutionId } from './execution-id.js';
import { startJobSpan } from './job-span.js';
import type { Job } from './job.js';
import type { JobExecution } from './job-reporter.js';
import { JOB_EXIT_CODES, type JobResult } from './job-result.js';
import { runExecution } from './run-execution.js';

export interface ExecuteJobOptions extends WorkloadOptions {
  /** Aborting it interrupts the execution (SIGTERM). */
  readonly signal?: AbortSignal;
}

/** How long reporters may take to hear of a start or an end. */
const REPORT_TIMEOUT_MS = 2000;
const AFTER_JOB_BUDGETS_MS = { flush: 1000, clients: 1500, telemetry: 1000 } as const;

/** Tells every reporter, bounded; a failing reporter is logged and changes nothing else. */
async function report(
  reporters: readonly JobReporter[],
  what: string,
  call: (reporter: JobReporter) => Promise<void>,
  logger: Logger,
): Promise<void> {
  await settleAll(
    reporters.map((reporter) => ({ name: reporter.name, run: () => call(reporter) })),
    REPORT_TIMEOUT_MS,
    what,
  ).catch((error: unknown) => logger.warn(`job reporter failed: ${what}`, { error }));
}

/**
 * Runs one job execution without touching the process: config, logger,
 * integrations, `execute` within the deadline, reporters, flush and close.
 *
 * @throws {ConfigError} when variables are missing or invalid (nothing run)
 */
export async function executeJob<D extends ConfigDefinition>(
  job: Job<D>,
  options: ExecuteJobOptions,
): Promise<JobResult> {
  const { identity, config, values, output, lifecycle, integrations } = await prepareWorkload(
    job,
    'job',
    options,
  );
  const span = startJobSpan(identity);
  const execution: JobExecution = {
    job: identity,
    // Inside the span: off Cloud Run the execution ID is its trace ID.
    executionId: span.run(() => jobExecutionId(values)),
    environmentId: values.ENVIRONMENT_ID,
    cronSchedule: values.JOB_EXECUTION_CRON_SCHEDULE,
    deadlineMs: values.JOB_EXECUTION_DEADLINE,
    startedAt: new Date(),
  };
  span.setExecutionId(execution.executionId);
  const logger = output.logger.scoped('msp').with({ executionId: execution.executionId });
  const { jobReporters } = integrations;
  logger.info('job execution starting', {
    ...(execution.deadlineMs === undefined
      ? {}
      : { deadline: formatDuration(execution.deadlineMs) }),
  });
  await report(jobReporters, 'reporting start', (r) => r.started(execution), logger);

  const completion = await runExecution(
    (signal) =>
      span.run(() =>
        job.execute({
          config,
          logger: output.logger.scoped('job').with({ executionId: execution.executionId }),
          contract: jobContract(values, integrations.clients),
          lifecycle,
          signal,
        }),
      ),
    { deadlineMs: execution.deadlineMs, signal: options.signal },
  );
  // Ended before the flush below, which exports it with its children.
  span.end(completion);
  if (completion.outcome === 'succeeded') {
    logger.info('job execution succeeded', { durationMs: completion.durationMs });
  } else {
    logger.error('job execution failed', {
      outcome: completion.outcome,
      durationMs: completion.durationMs,
      error: completion.error,
    });
  }
  await report(
    jobReporters,
    'reporting completion',
    (r) => r.finished(execution, completion),
    logger,
  );

  const shutdown = await runShutdown(
    [
      flushStep(
        [...integrations.flushers, { name: 'log sinks', flush: output.flush }],
        AFTER_JOB_BUDGETS_MS.flush,
      ),
      ...closeSteps(lifecycle.closers, {
        clients: AFTER_JOB_BUDGETS_MS.clients,
        last: AFTER_JOB_BUDGETS_MS.telemetry,
      }),
    ],
    output.logger.scoped('msp.shutdown'),
  );
  return {
    outcome: completion.outcome,
    exitCode: JOB_EXIT_CODES[completion.outcome],
    executionId: execution.executionId,
    durationMs: completion.durationMs,
    error: completion.error,
    cleanShutdown: shutdown.clean,
  };
}
