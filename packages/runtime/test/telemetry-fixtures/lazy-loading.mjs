// Records every module loaded while a service starts with nothing configured
// (no exporter, no Sentry DSN, no database), then prints the npm packages
// among them, one per line. Run with ts-hooks.mjs.
import { registerHooks } from 'node:module';

const packages = new Set();
registerHooks({
  load(url, context, nextLoad) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (match !== null) packages.add(match[1]);
    return nextLoad(url, context);
  },
});

const runtime = await import('../../src/index.js');
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const lifecycle = { addHealthCheck() {}, addCloser() {} };
const telemetry = await runtime.startTelemetry({
  env: {},
  serviceName: 's',
  serviceVersion: '1',
  logger,
});
const sentry = await runtime.startSentry({
  env: {},
  serviceName: 's',
  serviceVersion: '1',
  logger,
});
const postgres = runtime.createPostgres({}, lifecycle, logger);
const redis = runtime.createRedis({}, lifecycle, logger);
runtime.createBigQuery({}, logger);
runtime.createSecretReader({}, lifecycle);
console.log(
  JSON.stringify({
    telemetry: telemetry.enabled,
    sentry: sentry !== undefined,
    postgres: postgres.configured,
    redis: redis.configured,
  }),
);
if (process.env.FIXTURE_OPEN_POSTGRES === 'true') {
  const pool = await runtime
    .createPostgres(process.env, lifecycle, logger)
    .open(process.env.PGDATABASE ?? 'test');
  await pool.end();
}
for (const name of [...packages].sort()) console.log(name);
