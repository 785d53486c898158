// Everything enabled: telemetry exporting OTLP to the sink in OTEL_EXPORTER_OTLP_ENDPOINT,
// Sentry (SENTRY_DSN pointing at the same sink), a Postgres pool and a Redis
// client whose health checks /-/healthz runs. `/hello` is trivial; `/work` runs
// one query and one Redis command, traced. Imports the built package
// (npx nx run runtime:build first).
import { createServer } from 'node:http';
import {
  createPostgres,
  createRedis,
  startSentry,
  startTelemetry,
} from '../../../packages/runtime/dist/index.js';

const env = process.env;
const logger = { debug() {}, info() {}, warn: console.error, error: console.error };
const telemetry = await startTelemetry({ env, serviceName: 'bench', serviceVersion: '1', logger });
const sentry = await startSentry({ env, serviceName: 'bench', serviceVersion: '1', logger });
const checks = [];
const closers = [];
const lifecycle = { addHealthCheck: (c) => checks.push(c), addCloser: (c) => closers.push(c) };
const pool = await createPostgres(env, lifecycle, logger).open(env.PGDATABASE ?? 'test');
const redis = await createRedis(env, lifecycle, logger).connect();

const server = createServer(async (request, response) => {
  switch (request.url) {
    case '/-/cpu':
      response.end(JSON.stringify(process.cpuUsage()));
      return;
    case '/-/mem':
      globalThis.gc?.();
      response.end(String(process.memoryUsage().rss));
      return;
    case '/-/healthz':
      await Promise.all(checks.map((c) => c.check(AbortSignal.timeout(1000))));
      response.end('healthz: ok');
      return;
    case '/work': {
      const [{ rows }, pong] = await Promise.all([pool.query('SELECT 1 AS one'), redis.ping()]);
      response.end(`${rows[0].one} ${pong}`);
      return;
    }
    default:
      response.end('hello');
  }
});
server.listen(Number(env.PORT), '127.0.0.1');
process.once('SIGTERM', async () => {
  server.close();
  for (const c of closers.reverse()) await c.close();
  await Promise.all([telemetry.shutdown(), sentry?.close()]);
});
