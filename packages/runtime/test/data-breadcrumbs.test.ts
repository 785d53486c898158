import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import pg from 'pg';
import { Redis } from 'ioredis';
import { tracedPool } from '../src/postgres/traced-pool.js';
import { redisOptions } from '../src/redis/redis-options.js';
import { tracedRedis } from '../src/redis/traced-redis.js';
import { startBreadcrumbs, stopBreadcrumbs } from '../src/sentry/breadcrumbs.js';
import { requireServer, testServers } from './telemetry-support/servers.js';

/** A traced pool on the test PostgreSQL. */
function testPool(): pg.Pool {
  const { pgHost: host, pgPort: port, pgUser: user, pgDatabase: database } = testServers;
  return tracedPool(pg, { host, port, user, database }, { database, host, port });
}

/** PostgreSQL queries and Redis commands become breadcrumbs of the trace they ran in. */
describe('data-client breadcrumbs', () => {
  const manager = new AsyncLocalStorageContextManager();
  const tracer = new TracerProvider().getTracer('breadcrumbs-test');

  beforeAll(async () => {
    await requireServer('PostgreSQL');
    await requireServer('Redis');
    context.setGlobalContextManager(manager.enable());
  });
  afterAll(() => {
    manager.disable();
    context.disable();
  });
  afterEach(() => stopBreadcrumbs());

  it('records each query and command in its own trace, without arguments', async () => {
    const trail = startBreadcrumbs();
    const pool = testPool();
    // The runtime's own options: bounded calls, no offline queue.
    const redis = tracedRedis(Redis, redisOptions(new URL(testServers.redisUrl), undefined));
    try {
      await redis.connect();
      const inSpan = (name: string, work: () => Promise<unknown>) =>
        tracer.startActiveSpan(name, async (span) => {
          await work();
          span.end();
          return span.spanContext().traceId;
        });
      const first = await inSpan('first', async () => {
        await pool.query('SELECT $1::int AS answer', [42]);
        await redis.set('msp-breadcrumbs-test', 'secret value');
      });
      const second = await inSpan('second', () => redis.get('msp-breadcrumbs-test'));

      const strip = (crumbs: ReturnType<typeof trail.forTrace>) =>
        crumbs
          .filter((crumb) => crumb.traceId !== undefined)
          .map(({ timestamp: _t, traceId: _id, ...crumb }) => crumb);
      expect(strip(trail.forTrace(first))).toEqual([
        {
          category: 'db.query',
          type: 'query',
          message: 'SELECT $1::int AS answer',
          data: { 'db.system.name': 'postgresql', 'db.namespace': testServers.pgDatabase },
        },
        {
          category: 'redis',
          type: 'query',
          message: 'SET',
          data: { 'db.system.name': 'redis', 'db.namespace': '0' },
        },
      ]);
      expect(strip(trail.forTrace(second))).toEqual([
        {
          category: 'redis',
          type: 'query',
          message: 'GET',
          data: { 'db.system.name': 'redis', 'db.namespace': '0' },
        },
      ]);
      expect(JSON.stringify(trail.forTrace(undefined))).not.toContain('secret value');
    } finally {
      await redis.del('msp-breadcrumbs-test');
      redis.disconnect();
      await pool.end();
    }
  });

  it('records nothing once stopped (Sentry closed or off)', async () => {
    const trail = startBreadcrumbs();
    stopBreadcrumbs();
    const pool = testPool();
    try {
      await tracer.startActiveSpan('off', async (span) => {
        await pool.query('SELECT 1');
        span.end();
      });
      expect(trail.forTrace(undefined)).toEqual([]);
    } finally {
      await pool.end();
    }
  });
});
