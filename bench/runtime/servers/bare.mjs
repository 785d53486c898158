// Baseline: a bare node:http server. `/hello` is a trivial route; `/work` runs
// one PostgreSQL query and one Redis command with the drivers used directly
// (connected on first use, so cold start measures the bare server alone).
import { createServer } from 'node:http';

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
      response.end('healthz: ok');
      return;
    case '/work': {
      clients ??= connect();
      const { pool, redis } = await clients;
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
  if (clients !== undefined) {
    const { pool, redis } = await clients;
    await Promise.all([pool.end(), redis.quit()]);
  }
});
