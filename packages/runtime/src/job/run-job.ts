import type { ConfigDefinition } from '../config/variable.js';
import { createFallbackLogOutput } from '../internal/bootstrap.js';
import {
  exitForSanityCheckOrHelp,
  logUncaughtErrors,
  onTerminationSignal,
  reportStartFailure,
} from '../internal/process-edge.js';
import type { StartOptions } from '../service/start.js';
import { executeJob } from './execute-job.js';
import type { Job } from './job.js';
import { JOB_EXIT_CODES } from './job-result.js';

/**
 * Runs a job as the process: one execution within `JOB_EXECUTION_DEADLINE`,
 * then exits 0 on success, 1 on failure, 124 when the deadline passed, 143
 * when interrupted by SIGTERM or SIGINT (a second signal exits at once).
 */
export async function runJob<D extends ConfigDefinition>(
  job: Job<D>,
  options: StartOptions = {},
): Promise<void> {
  const env = options.env ?? process.env;
  exitForSanityCheckOrHelp(job, 'job', env, options.argv ?? process.argv.slice(2));

  const fallbackOutput = createFallbackLogOutput(job, env, undefined);
  const fallback = fallbackOutput.logger.scoped('msp');
  logUncaughtErrors(fallback);
  const stop = new AbortController();
  onTerminationSignal(fallback, () => stop.abort());
  try {
    const result = await executeJob(job, { env, signal: stop.signal });
    process.exit(result.cleanShutdown ? result.exitCode : result.exitCode || 1);
  } catch (error) {
    reportStartFailure(fallbackOutput, error);
    process.exit(JOB_EXIT_CODES.failed);
  }
}
