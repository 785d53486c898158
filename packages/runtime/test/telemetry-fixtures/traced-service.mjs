// A small service started the way the runtime starts one: telemetry first,
// then data clients, then the HTTP server. It serves GET /work (one pg query,
// one Redis PING, and calls to FIXTURE_DOWNSTREAM when set) and /-/healthz, prints "listening <port>", and on SIGTERM
// closes everything and lets the process exit by itself.
import { startTelemetry } from '../../src/telemetry/start-telemetry.js';
import { startSentry } from '../../src/sentry/start-sentry.js';
import { createPostgres } from '../../src/postgres/create-postgres.js';
import { createRedis } from '../../src/redis/create-redis.js';

const env = process.env;
const logger = {
  debug: () => {},
  info: () => {},
  warn: (message, fields) => console.error('warn', message, JSON.stringify(fields ?? {})),
  error: (message, fields) => console.error('error', message, JSON.stringify(fields ?? {})),
};
// The Telemetry API's address, for tests; credentials come from ADC
// (GOOGLE_APPLICATION_CREDENTIALS in tests).
const gcp =
  env.FIXTURE_GCP_ENDPOINT === undefined ? undefined : { endpoint: env.FIXTURE_GCP_ENDPOINT };
const telemetry = await startTelemetry({
  env,
  serviceName: 'traced-fixture',
  serviceVersion: '1.2.3',
  logger,
  gcp,
});

// With SENTRY_DSN, Sentry starts after telemetry and must leave its setup alone.
const sentry = await startSentry({
  env,
  serviceName: 'traced-fixture',
  serviceVersion: '1.2.3',
  logger,
});

const checks = [];
const closers = [];
const lifecycle = { addHealthCheck: (c) => checks.push(c), addCloser: (c) => closers.push(c) };
const pool = await createPostgres(env, lifecycle, logger).open(env.PGDATABASE ?? 'test');
const redis = await createRedis(env, lifecycle, logger).connect();

const { createServer, get } = await import('node:http');
// Outgoing calls to FIXTURE_DOWNSTREAM, once with fetch and once with node:http.
const callDownstream = async () => {
  if (env.FIXTURE_DOWNSTREAM === undefined) return;
  await (await fetch(`${env.FIXTURE_DOWNSTREAM}/downstream-fetch`)).text();
  await new Promise((resolve, reject) =>
    get(`${env.FIXTURE_DOWNSTREAM}/downstream-http`, (response) =>
      response.resume().on('end', resolve),
    ).on('error', reject),
  );
};
const server = createServer(async (request, response) => {
  if (request.url === '/flush') {
    await telemetry.forceFlush();
    response.end('flushed');
    return;
  }
  if (request.url === '/-/healthz') {
    await Promise.all(checks.map((c) => c.check(AbortSignal.timeout(1000))));
    response.end('healthz: ok');
    return;
  }
  const { rows } = await pool.query('SELECT 40 + 2 AS answer');
  const pong = await redis.ping();
  await callDownstream();
  console.log(`log-fields ${JSON.stringify(telemetry.logFields())}`);
  response.end(`${rows[0].answer} ${pong}`);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));

process.once('SIGTERM', async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const closer of closers.reverse()) await closer.close(AbortSignal.timeout(1500));
  await telemetry.shutdown();
  await sentry?.close();
  console.log('stopped');
});
