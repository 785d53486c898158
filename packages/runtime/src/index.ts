export { CONTRACT_VARIABLES, HEALTHZ_PATH, VERSION_PATH } from '@msp/spec/contract';
export type { HealthCheck, Closer, Lifecycle } from './lifecycle.js';
export type { RuntimeEnv, StructuredLogger, LogFields } from './telemetry/runtime-types.js';
export { IntegrationConfigError, isIntegrationConfigError } from './telemetry/runtime-types.js';
export { startTelemetry } from './telemetry/start-telemetry.js';
export type { Telemetry, TelemetryOptions } from './telemetry/start-telemetry.js';
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
