/**
 * The PostgreSQL and Redis the end-to-end tests use (127.0.0.1 by default;
 * PGHOST, PGPORT, PGUSER, PGDATABASE and REDIS_URL override), and a fresh
 * database per test run so reruns start clean.
 */
import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';
import pg from 'pg';

export const servers = {
  pgHost: process.env['PGHOST'] ?? '127.0.0.1',
  pgPort: Number(process.env['PGPORT'] ?? '5432'),
  pgUser: process.env['PGUSER'] ?? 'postgres',
  pgDatabase: process.env['PGDATABASE'] ?? 'test',
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Fails with what to start when PostgreSQL or Redis is not listening. */
export async function requireServers(): Promise<void> {
  const redis = new URL(servers.redisUrl);
  const [pgUp, redisUp] = await Promise.all([
    reachable(servers.pgHost, servers.pgPort),
    reachable(redis.hostname, Number(redis.port || 6379)),
  ]);
  const missing = [
    ...(pgUp
      ? []
      : [
          `PostgreSQL at ${servers.pgHost}:${servers.pgPort}: start it (trust auth for ${servers.pgUser}) or set PGHOST/PGPORT/PGUSER`,
        ]),
    ...(redisUp ? [] : [`Redis at ${redis.host}: start redis-server or set REDIS_URL`]),
  ];
  if (missing.length > 0) throw new Error(`not reachable:\n  ${missing.join('\n  ')}`);
}

/** A database of its own for one test run, dropped by `drop()`. */
export interface TestDatabase {
  readonly name: string;
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `msp_example_e2e_${randomBytes(6).toString('hex')}`;
  const connection = { host: servers.pgHost, port: servers.pgPort, user: servers.pgUser };
  const admin = new pg.Client({ ...connection, database: servers.pgDatabase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const client = new pg.Client({ ...connection, database: name });
  await client.connect();
  return {
    name,
    query: async (sql, values) => (await client.query(sql, values)).rows,
    drop: async () => {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A Redis key prefix of its own for one test run (keys expire with CACHE_TTL). */
export function testKeyPrefix(): string {
  return `msp-example-e2e-${randomBytes(6).toString('hex')}:`;
}
