/**
 * Integration settings checked together with the workload's own config, so a
 * misconfigured process reports every problem at once and starts nothing.
 */
import type { Env } from '../config/variable.js';
import type { ConfigIssue } from '../errors.js';
import { resolvePostgresTarget } from '../postgres/postgres-target.js';
import { redisEndpoint } from '../redis/redis-options.js';
import { jobMonitor } from '../sentry/job-monitor.js';
import { checkDsn } from '../sentry/start-sentry.js';
import { telemetrySettings } from '../telemetry/telemetry-settings.js';
import { envValue, isIntegrationConfigError } from '../telemetry/runtime-types.js';

const PROBLEM = /^([A-Z][A-Z0-9_]*): (.*)$/s;

/**
 * An integration problem (`VARIABLE: what is wrong`) as a config issue; a
 * problem without a variable is filed under the integration's name.
 */
export function integrationIssues(integration: string, problems: readonly string[]): ConfigIssue[] {
  return problems.map((problem) => {
    const match = PROBLEM.exec(problem);
    return match?.[1] !== undefined && match[2] !== undefined
      ? { variable: match[1], message: match[2] }
      : { variable: integration, message: problem };
  });
}

/**
 * Runs `check`; an {@link IntegrationConfigError} it throws becomes issues,
 * anything else is rethrown.
 */
export function issuesOf(integration: string, check: () => unknown): ConfigIssue[] {
  try {
    check();
    return [];
  } catch (error) {
    if (isIntegrationConfigError(error)) return integrationIssues(integration, error.problems);
    throw error;
  }
}

/**
 * Every invalid integration variable (telemetry, Sentry, PostgreSQL, Redis,
 * and for jobs the Sentry monitor), without starting or loading anything.
 */
export function integrationConfigIssues(env: Env, workload: 'service' | 'job'): ConfigIssue[] {
  const dsn = envValue(env, 'SENTRY_DSN');
  return [
    ...issuesOf('OpenTelemetry', () => telemetrySettings(env)),
    ...issuesOf('Sentry', () => dsn !== undefined && checkDsn(dsn)),
    ...issuesOf('Sentry', () => workload === 'job' && jobMonitor('job', env)),
    ...issuesOf('PostgreSQL', () => resolvePostgresTarget(env)),
    ...issuesOf('Redis', () => redisEndpoint(env)),
  ];
}
