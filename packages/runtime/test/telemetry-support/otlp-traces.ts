import { testServers } from './servers.js';

/** The local PostgreSQL and Redis, with telemetry that exports only when flushed at shutdown. */
export function tracedDataEnv(): Record<string, string> {
  return {
    PGHOST: testServers.pgHost,
    PGPORT: String(testServers.pgPort),
    PGUSER: testServers.pgUser,
    PGDATABASE: testServers.pgDatabase,
    REDIS_ENDPOINT: testServers.redisUrl,
    // Long intervals: whatever arrives, arrives through the shutdown flush.
    OTEL_METRIC_EXPORT_INTERVAL: '600000',
    OTEL_BSP_SCHEDULE_DELAY: '600000',
  };
}
