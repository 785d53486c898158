// The peer: the same server instrumented the common way (see
// peer-instrument.mjs, loaded with --import): pg and ioredis used directly,
// connected at start, and /-/healthz running a query and a PING like the
// runtime's health checks.
import pg from 'pg';
import { Redis } from 'ioredis';
import { serve } from './serve.mjs';

const env = process.env;
const pool = new pg.Pool({
  host: env.PGHOST,
  port: Number(env.PGPORT),
  user: env.PGUSER,
  database: env.PGDATABASE,
});
const redis = new Redis(env.REDIS_ENDPOINT);

const server = serve({
  healthy: async () => {
    await Promise.all([pool.query('SELECT 1'), redis.ping()]);
  },
  work: async () => {
    const [{ rows }, pong] = await Promise.all([pool.query('SELECT 1 AS one'), redis.ping()]);
    return `${rows[0].one} ${pong}`;
  },
});
process.once('SIGTERM', async () => {
  server.close();
  await Promise.all([pool.end(), redis.quit()]);
});
