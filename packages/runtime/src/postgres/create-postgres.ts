import type { ConnectorOptions } from '@google-cloud/cloud-sql-connector';
import type { Pool, PoolConfig } from 'pg';
import type { Lifecycle } from '../lifecycle.js';
import type { RuntimeEnv, StructuredLogger } from '../telemetry/runtime-types.js';
import { createCloudSqlDialer, type CloudSqlDialer, type CloudSqlIpType } from './cloud-sql.js';
import { poolHealthCheck } from './pool-health-check.js';
import { dsnForDatabase, resolvePostgresTarget, type PostgresTarget } from './postgres-target.js';
import { tracedPool, type PgSpanTarget } from './traced-pool.js';

export interface PostgresOptions {
  /** @default 'PRIVATE' */
  readonly ipType?: CloudSqlIpType;
  /** Passed to the Cloud SQL connector (tests point it at a fake Admin API). */
  readonly connector?: ConnectorOptions;
  /** Extra pool settings; connection settings come from the environment. */
  readonly pool?: Pick<
    PoolConfig,
    'max' | 'idleTimeoutMillis' | 'connectionTimeoutMillis' | 'application_name'
  >;
}

export interface Postgres {
  /** True when the environment names a PostgreSQL server. */
  readonly configured: boolean;
  /**
   * A pool for `database`, created on first call and shared after. Registers a
   * health check (`postgres:<database>`, see {@link poolHealthCheck}).
   * @throws Error when PostgreSQL is not configured.
   */
  open(database: string): Promise<Pool>;
}

const DEFAULT_POOL: PoolConfig = {
  max: 10,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 5_000,
};

/**
 * PostgreSQL from the environment (see {@link resolvePostgresTarget}). One
 * closer ends every pool, then the Cloud SQL connector.
 * @throws IntegrationConfigError when the PG* variables are invalid.
 */
export function createPostgres(
  env: RuntimeEnv,
  lifecycle: Lifecycle,
  logger: StructuredLogger,
  options: PostgresOptions = {},
): Postgres {
  const target = resolvePostgresTarget(env);
  const pools = new Map<string, Promise<Pool>>();
  let dialer: Promise<CloudSqlDialer> | undefined;
  let closerAdded = false;

  const poolConfig = async (database: string): Promise<PoolConfig> => {
    const base = { ...DEFAULT_POOL, ...options.pool };
    switch (target.kind) {
      case 'dsn':
        return { ...base, connectionString: dsnForDatabase(target.dsn, database) };
      case 'local':
        return { ...base, ...localConnection(target), database };
      case 'cloud-sql': {
        dialer ??= createCloudSqlDialer(options.ipType ?? 'PRIVATE', options.connector);
        const config = await (
          await dialer
        ).poolConfig(target.instanceConnectionName, target.user, database);
        return { ...base, ...config };
      }
      case 'none':
        throw new Error(
          'PostgreSQL is not configured: set PGINSTANCE and PGUSER (Cloud SQL), PGDSN, or PGHOST',
        );
    }
  };

  const openPool = async (database: string): Promise<Pool> => {
    const config = await poolConfig(database);
    // The default export is the CommonJS module under Node, jest and bundlers alike.
    const { default: pg } = await import('pg');
    const pool = tracedPool(pg, config, spanTarget(target, database));
    // An idle client losing its connection emits 'error' on the pool; without
    // a listener that would crash the process.
    pool.on('error', (error) =>
      logger.warn('postgres idle client error', { database, error: error.message }),
    );
    lifecycle.addHealthCheck(poolHealthCheck(`postgres:${database}`, pool));
    if (!closerAdded) {
      closerAdded = true;
      lifecycle.addCloser({ name: 'postgres', close: () => closeAll(pools, dialer) });
    }
    logger.debug('postgres pool opened', { database, via: target.kind });
    return pool;
  };

  return {
    configured: target.kind !== 'none',
    open(database) {
      let pool = pools.get(database);
      if (pool === undefined) {
        pool = openPool(database);
        pools.set(database, pool);
        pool.catch(() => pools.delete(database));
      }
      return pool;
    },
  };
}

function spanTarget(target: PostgresTarget, database: string): PgSpanTarget {
  switch (target.kind) {
    case 'local':
      return { database, host: target.host, port: target.port };
    case 'dsn':
      return {
        database,
        host: target.dsn.hostname,
        port: target.dsn.port === '' ? 5432 : Number(target.dsn.port),
      };
    default:
      return { database };
  }
}

function localConnection(target: Extract<PostgresTarget, { kind: 'local' }>): PoolConfig {
  return {
    host: target.host,
    port: target.port,
    ...(target.user === undefined ? {} : { user: target.user }),
    ...(target.password === undefined ? {} : { password: target.password }),
  };
}

async function closeAll(
  pools: Map<string, Promise<Pool>>,
  dialer: Promise<CloudSqlDialer> | undefined,
): Promise<void> {
  const opened = await Promise.allSettled(pools.values());
  pools.clear();
  await Promise.all(
    opened.map((result) => (result.status === 'fulfilled' ? result.value.end() : undefined)),
  );
  if (dialer !== undefined) (await dialer).close();
}
