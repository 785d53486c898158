import type { ConfigDefinition, Env } from '../config/variable.js';
import { formatDuration } from '../config/duration.js';
import { jobContract } from '../contract/contract.js';
import {
  setupIntegrations as defaultSetupIntegrations,
  type SetupIntegrations,
} from '../integrations/integrations.js';
import { createWorkloadLogOutput, loadWorkloadConfig } from '../internal/bootstrap.js';
import { createLifecycleRegistry } from '../internal/lifecycle-registry.js';
import { closeInReverse } from '../shutdown/close-in-reverse.js';
import { runShutdown } from '../shutdown/run-shutdown.js';
import { settleAll } from '../shutdown/with-timeout.js';
import { jobExecutionId } from './execution-id.js';
import type { Job } from './job.js';
import type { JobExecution } from './job-reporter.js';
import { JOB_EXIT_CODES, type JobResult } from './job-result.js';
import { runExecution } from './run-execution.js';

export interface ExecuteJobOptions {
  readonly env: Env;
  /** Where log lines go. @default standard output */
  readonly writeLog?: (line: string) => void;
  /** @default the runtime's {@link defaultSetupIntegrations} */
  readonly setupIntegrations?: SetupIntegrations;
  /** Aborting it interrupts the execution (SIGTERM). */
  readonly signal?: AbortSignal;
}

/** How long reporters may take to hear of a start or an end. */
const REPORT_TIMEOUT_MS = 2000;
const AFTER_JOB_BUDGETS_MS = { flush: 1000, close: 1500 } as const;

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
  const identity = { name: job.name, version: job.version };
  const loaded = loadWorkloadConfig(job.config ?? ({} as D), options.env);
  const values = loaded.contract;
  const output = createWorkloadLogOutput(identity, values, options.writeLog);
  const runtimeLogger = output.logger.scoped('msp');
  const lifecycle = createLifecycleRegistry();
  const integrations = await (options.setupIntegrations ?? defaultSetupIntegrations)({
    workload: 'job',
    service: identity,
    env: options.env,
    contract: values,
    logger: output.logger.scoped('msp.integrations'),
    lifecycle,
  });
  for (const sink of integrations.logSinks) output.addSink(sink);

  const execution: JobExecution = {
    job: identity,
    executionId: jobExecutionId(values),
    environmentId: values.ENVIRONMENT_ID,
    cronSchedule: values.JOB_EXECUTION_CRON_SCHEDULE,
    deadlineMs: values.JOB_EXECUTION_DEADLINE,
    startedAt: new Date(),
  };
  const logger = runtimeLogger.with({ executionId: execution.executionId });
  logger.info('job execution starting', {
    ...(execution.deadlineMs === undefined
      ? {}
      : { deadline: formatDuration(execution.deadlineMs) }),
  });
  const report = (
    what: string,
    call: (r: (typeof integrations.jobReporters)[number]) => Promise<void>,
  ) =>
    settleAll(
      integrations.jobReporters.map((reporter) => ({
        name: reporter.name,
        run: () => call(reporter),
      })),
      REPORT_TIMEOUT_MS,
      what,
    ).catch((error: unknown) => logger.warn(`job reporter failed: ${what}`, { error }));
  await report('reporting start', (reporter) => reporter.started(execution));

  const completion = await runExecution(
    (signal) =>
      job.execute({
        config: loaded.config,
        logger: output.logger.scoped('job').with({ executionId: execution.executionId }),
        contract: jobContract(values, integrations.clients),
        lifecycle,
        signal,
      }),
    { deadlineMs: execution.deadlineMs, signal: options.signal },
  );
  if (completion.outcome === 'succeeded') {
    logger.info('job execution succeeded', { durationMs: completion.durationMs });
  } else {
    logger.error('job execution failed', {
      outcome: completion.outcome,
      durationMs: completion.durationMs,
      error: completion.error,
    });
  }
  await report('reporting completion', (reporter) => reporter.finished(execution, completion));

  const shutdown = await runShutdown(
    [
      {
        name: 'flush',
        budgetMs: AFTER_JOB_BUDGETS_MS.flush,
        run: (ms) =>
          settleAll(
            [...integrations.flushers, { name: 'log sinks', flush: output.flush }].map(
              (flusher) => ({
                name: flusher.name,
                run: () => flusher.flush(),
              }),
            ),
            ms,
            'flushing',
          ),
      },
      {
        name: 'close clients',
        budgetMs: AFTER_JOB_BUDGETS_MS.close,
        run: (ms) => closeInReverse(lifecycle.closers, ms),
      },
    ],
    runtimeLogger.scoped('shutdown'),
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
