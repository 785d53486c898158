// Baseline: a bare node:http server; `/work` runs one PostgreSQL query and one
// Redis command with the drivers used directly (connected on first use, so
// cold start measures the bare server alone).
import { serve } from './serve.mjs';

const env = process.env;
let clients;
async function connect() {
  const [{ default: pg }, { Redis }] = await Promise.all([import('pg'), import('ioredis')]);
  const pool = new pg.Pool({
    host: env.PGHOST,
    port: Number(env.PGPORT),
    user: env.PGUSER,
    database: env.PGDATABASE,
  });
  return { pool, redis: new Redis(env.REDIS_ENDPOINT) };
}

const server = serve({
  healthy: async () => {},
  work: async () => {
    clients ??= connect();
    const { pool, redis } = await clients;
    const [{ rows }, pong] = await Promise.all([pool.query('SELECT 1 AS one'), redis.ping()]);
    return `${rows[0].one} ${pong}`;
  },
});
process.once('SIGTERM', async () => {
  server.close();
  if (clients !== undefined) {
    const { pool, redis } = await clients;
    await Promise.all([pool.end(), redis.quit()]);
  }
});
