// Where cold start goes: times each start-up step of the "full" server in one
// process (module loading included). Needs a build and the local PostgreSQL
// and Redis, like run.mjs. Run: npx node bench/runtime/start-breakdown.mjs
const started = performance.now();
const steps = [];
const step = async (name, work) => {
  const before = performance.now();
  const result = await work();
  steps.push([name, performance.now() - before]);
  return result;
};

const runtime = await step(
  'import @msp/runtime',
  () => import('../../packages/runtime/dist/index.js'),
);
const env = {
  PGHOST: process.env.PGHOST ?? '127.0.0.1',
  PGPORT: process.env.PGPORT ?? '5432',
  PGUSER: process.env.PGUSER ?? 'postgres',
  REDIS_ENDPOINT: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  // Unreachable on purpose: export cost is not start-up cost.
  OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
  SENTRY_DSN: 'http://key@127.0.0.1:9/1',
};
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const service = { env, serviceName: 'bench', serviceVersion: '1', logger };
const telemetry = await step('startTelemetry', () => runtime.startTelemetry(service));
const sentry = await step('startSentry', () => runtime.startSentry(service));
const closers = [];
const lifecycle = { addHealthCheck() {}, addCloser: (c) => closers.push(c) };
await step('postgres open + first query', async () => {
  const pool = await runtime
    .createPostgres(env, lifecycle, logger)
    .open(process.env.PGDATABASE ?? 'test');
  await pool.query('SELECT 1');
});
await step('redis connect', () => runtime.createRedis(env, lifecycle, logger).connect());
const server = await step('http listen', async () => {
  const { createServer } = await import('node:http');
  const s = createServer((_, response) => response.end('ok'));
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  return s;
});

const before = process.uptime() * 1000 - (performance.now() - started);
console.log(`node ${process.version}: process start to first module ${before.toFixed(0)} ms`);
for (const [name, ms] of steps) console.log(`${name.padEnd(30)} ${ms.toFixed(0).padStart(5)} ms`);
console.log(
  `${'total to listening'.padEnd(30)} ${(process.uptime() * 1000).toFixed(0).padStart(5)} ms`,
);

server.close();
await Promise.all(closers.map((c) => c.close(AbortSignal.timeout(1500))));
await Promise.all([telemetry.shutdown(), sentry?.close(0)]);
