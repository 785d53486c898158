import { IntegrationConfigError, envValue, type RuntimeEnv } from '../telemetry/runtime-types.js';
import { parseDuration } from '../config/duration.js';

/** A Sentry Cron monitor for a scheduled job, upserted by its check-ins. */
export interface JobMonitor {
  readonly slug: string;
  readonly config: {
    readonly schedule: { readonly type: 'crontab'; readonly value: string };
    readonly maxRuntime: number;
    readonly checkinMargin: number;
    readonly timezone: 'Etc/UTC';
  };
}

/**
 * The monitor of job `name`: slug `<name>-<ENVIRONMENT_ID>`, schedule from
 * `JOB_EXECUTION_CRON_SCHEDULE`, max runtime the deadline
 * (`JOB_EXECUTION_DEADLINE`) rounded up to minutes, margin half of it.
 * Undefined when the job is not scheduled (either variable unset).
 * @throws IntegrationConfigError when the deadline is not a duration.
 */
export function jobMonitor(name: string, env: RuntimeEnv): JobMonitor | undefined {
  const schedule = envValue(env, 'JOB_EXECUTION_CRON_SCHEDULE');
  const deadline = envValue(env, 'JOB_EXECUTION_DEADLINE');
  if (schedule === undefined || deadline === undefined) return undefined;
  const deadlineMs = parseDuration(deadline);
  if (deadlineMs === undefined) {
    throw new IntegrationConfigError('Sentry check-in', [
      `JOB_EXECUTION_DEADLINE: "${deadline}" is not a duration such as 300s or 1h30m`,
    ]);
  }
  const minutes = deadlineMs / 60_000;
  return {
    slug: `${name}-${envValue(env, 'ENVIRONMENT_ID') ?? 'unknown'}`,
    config: {
      schedule: { type: 'crontab', value: schedule },
      maxRuntime: Math.max(1, Math.ceil(minutes)),
      checkinMargin: Math.max(1, Math.ceil(minutes / 2)),
      timezone: 'Etc/UTC',
    },
  };
}
