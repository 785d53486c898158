/**
 * Extension point for telemetry, error reporting and data clients.
 *
 * `start()` and `runJob()` call {@link setupIntegrations} once, after config
 * and the contract are loaded and the logger exists, and before the service's
 * `initialize` (or the job's `execute`). What it returns is wired in:
 *
 * - `clients` are merged into the contract the service receives
 *   (`contract.postgres`, `contract.redis`, ...): add their types to
 *   {@link IntegrationClients};
 * - `logSinks` receive log records (Sentry takes error-level ones);
 * - `flushers` run during shutdown after routines stop and before closers;
 * - `jobReporters` hear when a job execution starts and finishes (Sentry cron
 *   check-ins);
 * - `wrapHandler` wraps the service's HTTP handler;
 * - closers and health checks are registered on `context.lifecycle`; the
 *   clients' closers run concurrently, each with its own deadline, and those
 *   marked `last` (telemetry, Sentry) run after them in a step of their own.
 */
import { createBigQuery, type BigQueryDataset } from '../bigquery/create-bigquery.js';
import type { Env } from '../config/variable.js';
import type { ContractValues } from '../contract/contract-values.js';
import { ConfigError } from '../errors.js';
import type { JobReporter } from '../job/job-reporter.js';
import type { Lifecycle } from '../lifecycle.js';
import type { LogSink } from '../logging/log-record.js';
import type { Logger } from '../logging/logger.js';
import { createPostgres, type Postgres } from '../postgres/create-postgres.js';
import { createRedis, type RedisClientFactory } from '../redis/create-redis.js';
import { createSecretReader, type SecretReader } from '../secrets/read-secret.js';
import { startSentry } from '../sentry/start-sentry.js';
import type { HttpHandler } from '../server/http-handler.js';
import { isIntegrationConfigError } from '../telemetry/runtime-types.js';
import { startTelemetry } from '../telemetry/start-telemetry.js';
import type { TelemetryExtensions } from '../telemetry/telemetry-extensions.js';
import { integrationIssues } from './config-issues.js';
import { sentryJobReporter, sentryLogSink } from './sentry-wiring.js';

/** Clients that integrations add to the contract (`contract.postgres`, ...). */
export interface IntegrationClients {
  /** PostgreSQL: `open(database)` returns a `pg.Pool` (Cloud SQL on msp, `PG*` locally). */
  readonly postgres: Postgres;
  /** Redis from `REDIS_ENDPOINT`: `connect()` returns the shared ioredis client. */
  readonly redis: RedisClientFactory;
  /** The service's BigQuery dataset: `table(name)` returns a writer. */
  readonly bigquery: BigQueryDataset;
  /** Secret Manager: `readSecret(name)` reads a version at run time. */
  readonly secrets: SecretReader;
}

export interface IntegrationContext {
  readonly workload: 'service' | 'job';
  /** The instrumentations and span processors the workload adds. */
  readonly telemetry: TelemetryExtensions;
  readonly service: { readonly name: string; readonly version: string };
  /** The environment `start()` received: integrations read their own variables from it. */
  readonly env: Env;
  readonly contract: ContractValues;
  readonly logger: Logger;
  readonly lifecycle: Lifecycle;
}

/** Something that buffers and must send before exit, such as spans or Sentry events. */
export interface Flusher {
  readonly name: string;
  flush(): Promise<void>;
}

export interface Integrations {
  readonly clients: IntegrationClients;
  readonly logSinks: readonly LogSink[];
  readonly flushers: readonly Flusher[];
  readonly jobReporters: readonly JobReporter[];
  readonly wrapHandler?: (handler: HttpHandler) => HttpHandler;
}

export type SetupIntegrations = (context: IntegrationContext) => Promise<Integrations>;

/**
 * Sets up, in this order: OpenTelemetry (first, so instrumentations patch
 * `node:http`, `pg` and `ioredis` before they load), Sentry (reusing that
 * OpenTelemetry setup), then the data clients, which connect on first use.
 * Telemetry's and Sentry's closers are marked `last`: they run after the
 * clients' (whose closing may still produce spans), with a budget of their
 * own that a stuck client cannot use up.
 *
 * No `wrapHandler`: the HTTP instrumentation patches
 * `http.Server.prototype.emit`, which the runtime's server shares however
 * `node:http` was imported, so incoming requests get their SERVER span
 * (W3C context extracted, semantic attributes, status) from it, once.
 *
 * @throws {ConfigError} when an integration's variables are invalid; what
 *   was started is closed by the caller through the registered closers
 */
export const setupIntegrations: SetupIntegrations = async (context) => {
  try {
    return await setup(context);
  } catch (error) {
    if (isIntegrationConfigError(error))
      throw new ConfigError(integrationIssues('integrations', error.problems));
    throw error;
  }
};

/**
 * The data clients from the environment. Nothing connects or loads a driver
 * until first use; unconfigured ones say so (`configured: false`).
 * @throws IntegrationConfigError when their variables are invalid
 */
export function createDataClients(
  env: Env,
  lifecycle: Lifecycle,
  logger: Logger,
): IntegrationClients {
  return {
    postgres: createPostgres(env, lifecycle, logger.scoped('postgres')),
    redis: createRedis(env, lifecycle, logger.scoped('redis')),
    bigquery: createBigQuery(env, logger.scoped('bigquery')),
    secrets: createSecretReader(env, lifecycle),
  };
}

async function setup(context: IntegrationContext): Promise<Integrations> {
  const { env, lifecycle, logger, service } = context;
  const identity = { env, serviceName: service.name, serviceVersion: service.version };

  const telemetry = await startTelemetry({
    ...identity,
    logger: logger.scoped('telemetry'),
    extensions: context.telemetry,
  });
  lifecycle.addCloser({ name: 'telemetry', close: () => telemetry.shutdown(), last: true });

  const sentry = await startSentry({ ...identity, logger: logger.scoped('sentry') });
  if (sentry) lifecycle.addCloser({ name: 'sentry', close: () => sentry.close(), last: true });

  const clients = createDataClients(env, lifecycle, logger);

  const flushers: Flusher[] = [];
  if (telemetry.enabled) flushers.push({ name: 'telemetry', flush: () => telemetry.forceFlush() });
  if (sentry) flushers.push({ name: 'sentry', flush: async () => void (await sentry.flush()) });
  return {
    clients,
    // The core logger adds the active trace and span to every record itself.
    logSinks: sentry ? [sentryLogSink(sentry)] : [],
    flushers,
    jobReporters: sentry && context.workload === 'job' ? [sentryJobReporter(sentry)] : [],
  };
}
