import pg from 'pg';
import { testServers } from '../telemetry-support/servers.js';

/** Environment of `fixtures/data-service.ts`: the local PostgreSQL, Redis at `redisPort`. */
export function dataServiceEnv(options: {
  readonly redisPort: number;
  readonly applicationName: string;
  readonly otlpEndpoint?: string;
  readonly sentryDsn?: string;
}): Record<string, string> {
  return {
    PGHOST: testServers.pgHost,
    PGPORT: String(testServers.pgPort),
    PGUSER: testServers.pgUser,
    PGDATABASE: testServers.pgDatabase,
    // pg names its connections after PGAPPNAME, so a test can count them.
    PGAPPNAME: options.applicationName,
    REDIS_ENDPOINT: `redis://127.0.0.1:${options.redisPort}`,
    ...(options.otlpEndpoint === undefined
      ? {}
      : {
          OTEL_EXPORTER_OTLP_ENDPOINT: options.otlpEndpoint,
          OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
          // Whatever arrives, arrives through the shutdown flush.
          OTEL_METRIC_EXPORT_INTERVAL: '600000',
          OTEL_BSP_SCHEDULE_DELAY: '600000',
        }),
    ...(options.sentryDsn === undefined ? {} : { SENTRY_DSN: options.sentryDsn }),
  };
}

/** How many connections PostgreSQL has open for `applicationName`. */
export async function postgresConnections(applicationName: string): Promise<number> {
  const client = new pg.Client({
    host: testServers.pgHost,
    port: testServers.pgPort,
    user: testServers.pgUser,
    database: testServers.pgDatabase,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

/** The Redis the tests use, as host and port. */
export function redisTarget(): { host: string; port: number } {
  const url = new URL(testServers.redisUrl);
  return { host: url.hostname, port: Number(url.port || 6379) };
}
