import { createConnection } from 'node:net';

/** Addresses of the PostgreSQL and Redis servers the tests use. */
export const testServers = {
  pgHost: process.env['PGHOST'] ?? '127.0.0.1',
  pgPort: Number(process.env['PGPORT'] ?? '5432'),
  pgUser: process.env['PGUSER'] ?? 'postgres',
  pgDatabase: process.env['PGDATABASE'] ?? 'test',
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
};

/** Fails with what to start when a server is not listening. */
export async function requireServer(kind: 'PostgreSQL' | 'Redis'): Promise<void> {
  const { host, port } =
    kind === 'PostgreSQL'
      ? { host: testServers.pgHost, port: testServers.pgPort }
      : {
          host: new URL(testServers.redisUrl).hostname,
          port: Number(new URL(testServers.redisUrl).port || 6379),
        };
  const reachable = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (!reachable) {
    const hint =
      kind === 'PostgreSQL'
        ? 'start PostgreSQL (trust auth for user postgres, database test) or set PGHOST/PGPORT/PGUSER/PGDATABASE'
        : 'start redis-server or set REDIS_URL';
    throw new Error(`${kind} is not reachable at ${host}:${port}: ${hint}`);
  }
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
