export { CONTRACT_VARIABLES, HEALTHZ_PATH, VERSION_PATH } from '@msp/spec/contract';

export { start, type StartOptions } from './service/start.js';
export {
  defineService,
  type Service,
  type ServiceApp,
  type ServiceContext,
} from './service/service.js';
export type { Routine } from './service/routine.js';
export type { HttpHandler } from './server/http-handler.js';

export { runJob } from './job/run-job.js';
export { defineJob, type Job, type JobContext } from './job/job.js';
export { JOB_EXIT_CODES, type JobResult } from './job/job-result.js';
export type { JobCompletion, JobExecution, JobOutcome, JobReporter } from './job/job-reporter.js';

export { loadConfig } from './config/load-config.js';
export {
  variable,
  type ConfigDefinition,
  type ConfigOf,
  type Env,
  type Variable,
  type VariableBuilder,
} from './config/variable.js';
export { formatDuration, parseDuration } from './config/duration.js';

export type { BaseContract, JobContract, ServiceContract } from './contract/contract.js';
export type { ContractValues } from './contract/contract-values.js';

export {
  ConfigError,
  isConfigError,
  isMspError,
  MspError,
  type ConfigIssue,
  type ErrorCode,
} from './errors.js';

export { createLogOutput, type Logger, type LogFormat, type LogOutput } from './logging/logger.js';
export type {
  LogFields,
  LogLevel,
  LogRecord,
  LogSink,
  TraceContext,
} from './logging/log-record.js';

export { authorizeDiagnostics } from './diagnostics/authorize.js';
export type { CheckResult, HealthReport } from './diagnostics/run-health-checks.js';
export type { HealthCheck, Closer, Lifecycle } from './lifecycle.js';
export type { ShutdownReport, StepResult } from './shutdown/run-shutdown.js';
export type { RuntimeEnv, StructuredLogger } from './telemetry/runtime-types.js';
export { IntegrationConfigError, isIntegrationConfigError } from './telemetry/runtime-types.js';
export { startTelemetry } from './telemetry/start-telemetry.js';
export { setHttpRoute } from './telemetry/http-route.js';
export type { Telemetry, TelemetryOptions } from './telemetry/start-telemetry.js';
export type { TelemetryExtensions } from './telemetry/telemetry-extensions.js';
export { startSentry } from './sentry/start-sentry.js';
export type {
  SentryReporter,
  SentryOptions,
  SentryLogRecord,
  FinishCheckIn,
} from './sentry/start-sentry.js';
export { createPostgres } from './postgres/create-postgres.js';
export type { Postgres, PostgresOptions } from './postgres/create-postgres.js';
export type { CloudSqlIpType } from './postgres/cloud-sql.js';
export { migrate, MigrationError, isMigrationError } from './postgres/migrate.js';
export type { MigrateOptions, MigrateResult } from './postgres/migrate.js';
export type { Migration } from './postgres/migration-source.js';
export { createRedis } from './redis/create-redis.js';
export type { RedisClientFactory, RedisFactoryOptions } from './redis/create-redis.js';
export { createBigQuery } from './bigquery/create-bigquery.js';
export type {
  BigQueryDataset,
  BigQueryTableWriter,
  BigQueryRow,
} from './bigquery/create-bigquery.js';
export { createSecretReader } from './secrets/read-secret.js';
export type { SecretReader } from './secrets/read-secret.js';
