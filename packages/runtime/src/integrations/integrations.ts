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
 * - closers and health checks are registered on `context.lifecycle`; closers
 *   run in reverse order of registration, so what is set up first (telemetry)
 *   closes last.
 */
import type { Env } from '../config/variable.js';
import type { ContractValues } from '../contract/contract-values.js';
import type { JobReporter } from '../job/job-reporter.js';
import type { Lifecycle } from '../lifecycle.js';
import type { LogSink } from '../logging/log-record.js';
import type { Logger } from '../logging/logger.js';
import type { HttpHandler } from '../server/http-handler.js';

/**
 * Clients that integrations add to the contract. Empty until data clients are
 * wired in; each one adds a property here and sets it in `setupIntegrations`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by integrations
export interface IntegrationClients {}

export interface IntegrationContext {
  readonly workload: 'service' | 'job';
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

export const NO_INTEGRATIONS: Integrations = {
  clients: {},
  logSinks: [],
  flushers: [],
  jobReporters: [],
};

/**
 * Sets up telemetry, Sentry and the data clients for a workload. None are
 * wired in yet: this is where they plug in, in this order — telemetry,
 * Sentry, then data clients.
 */
export const setupIntegrations: SetupIntegrations = async () => NO_INTEGRATIONS;
