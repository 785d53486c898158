// Everything enabled: telemetry exporting OTLP to OTEL_EXPORTER_OTLP_ENDPOINT,
// Sentry (SENTRY_DSN), a Postgres pool and a Redis client whose health checks
// /-/healthz runs; `/work` runs one query and one Redis command, traced.
// Imports the built package (npx nx run runtime:build first).
import {
  createPostgres,
  createRedis,
  startSentry,
  startTelemetry,
} from '../../../packages/runtime/dist/index.js';
import { serve } from './serve.mjs';

const env = process.env;
const logger = { debug() {}, info() {}, warn: console.error, error: console.error };
const telemetry = await startTelemetry({ env, serviceName: 'bench', serviceVersion: '1', logger });
const sentry = await startSentry({ env, serviceName: 'bench', serviceVersion: '1', logger });
const checks = [];
const closers = [];
const lifecycle = { addHealthCheck: (c) => checks.push(c), addCloser: (c) => closers.push(c) };
const pool = await createPostgres(env, lifecycle, logger).open(env.PGDATABASE ?? 'test');
const redis = await createRedis(env, lifecycle, logger).connect();

const server = serve({
  healthy: () => Promise.all(checks.map((c) => c.check(AbortSignal.timeout(1000)))),
  work: async () => {
    const [{ rows }, pong] = await Promise.all([pool.query('SELECT 1 AS one'), redis.ping()]);
    return `${rows[0].one} ${pong}`;
  },
});
process.once('SIGTERM', async () => {
  server.close();
  await Promise.all(closers.map((c) => c.close(AbortSignal.timeout(1500))));
  await Promise.all([telemetry.shutdown(), sentry?.close()]);
});
