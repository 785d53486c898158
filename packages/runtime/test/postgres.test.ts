import { createPostgres } from '../src/postgres/create-postgres.js';
import { closedPort, requireServer, testServers } from './telemetry-support/servers.js';
import { recordingLifecycle, recordingLogger } from './telemetry-support/recording-lifecycle.js';
import { tcpProxy } from './telemetry-support/tcp-proxy.js';

const localEnv = (port = testServers.pgPort): Record<string, string> => ({
  PGHOST: testServers.pgHost,
  PGPORT: String(port),
  PGUSER: testServers.pgUser,
});

describe('createPostgres against the local server', () => {
  beforeAll(() => requireServer('PostgreSQL'));

  it('opens a pool from PG* variables, queries through it, and shares it per database', async () => {
    const lifecycle = recordingLifecycle();
    const postgres = createPostgres(localEnv(), lifecycle, recordingLogger());
    expect(postgres.configured).toBe(true);
    const pool = await postgres.open(testServers.pgDatabase);
    const result = await pool.query<{ db: string; sum: number }>(
      'SELECT current_database() AS db, 2 + 3 AS sum',
    );
    expect(result.rows).toEqual([{ db: testServers.pgDatabase, sum: 5 }]);
    expect(await postgres.open(testServers.pgDatabase)).toBe(pool);
    expect(lifecycle.checks.map((c) => c.name)).toEqual([`postgres:${testServers.pgDatabase}`]);
    expect(await lifecycle.probe(`postgres:${testServers.pgDatabase}`)).toBe('ok');
    await lifecycle.closeAll();
  });

  it('opens the requested database through PGDSN', async () => {
    const lifecycle = recordingLifecycle();
    const dsn = `postgres://${testServers.pgUser}@${testServers.pgHost}:${testServers.pgPort}/postgres`;
    const pool = await createPostgres({ PGDSN: dsn }, lifecycle, recordingLogger()).open(
      testServers.pgDatabase,
    );
    const result = await pool.query<{ db: string }>('SELECT current_database() AS db');
    expect(result.rows[0]?.db).toBe(testServers.pgDatabase);
    await lifecycle.closeAll();
  });

  it('reports unhealthy when nothing listens on the port', async () => {
    const lifecycle = recordingLifecycle();
    const pool = await createPostgres(
      localEnv(await closedPort()),
      lifecycle,
      recordingLogger(),
    ).open('test');
    expect(await lifecycle.probe('postgres:test')).toMatch(/ECONNREFUSED/);
    await lifecycle.closeAll();
    expect(pool.ended).toBe(true);
  });

  it('goes unhealthy when the server goes away and recovers when it returns', async () => {
    const proxy = await tcpProxy({ host: testServers.pgHost, port: testServers.pgPort });
    const lifecycle = recordingLifecycle();
    const logger = recordingLogger();
    await createPostgres(localEnv(proxy.port), lifecycle, logger).open(testServers.pgDatabase);
    const name = `postgres:${testServers.pgDatabase}`;
    expect(await lifecycle.probe(name)).toBe('ok');

    await proxy.stop();
    expect(await lifecycle.probe(name)).not.toBe('ok');

    await proxy.start();
    expect(await lifecycle.probe(name)).toBe('ok');
    await lifecycle.closeAll();
    await proxy.stop();
  });

  it('ends every pool on close, so the pools stop working', async () => {
    const lifecycle = recordingLifecycle();
    const postgres = createPostgres(localEnv(), lifecycle, recordingLogger());
    const pools = [await postgres.open(testServers.pgDatabase), await postgres.open('postgres')];
    await Promise.all(pools.map((pool) => pool.query('SELECT 1')));
    expect(lifecycle.closers.map((c) => c.name)).toEqual(['postgres']);
    await lifecycle.closeAll();
    expect(pools.map((pool) => [pool.ended, pool.totalCount])).toEqual([
      [true, 0],
      [true, 0],
    ]);
    await expect(pools[0]?.query('SELECT 1')).rejects.toThrow(/after calling end/);
  });

  it('is not configured without PG variables, and says what to set', async () => {
    const postgres = createPostgres({}, recordingLifecycle(), recordingLogger());
    expect(postgres.configured).toBe(false);
    await expect(postgres.open('db')).rejects.toThrow(
      'set PGINSTANCE and PGUSER (Cloud SQL), PGDSN, or PGHOST',
    );
  });

  it('reports a saturated pool that is handing out connections as healthy without queueing', async () => {
    const lifecycle = recordingLifecycle();
    const postgres = createPostgres(localEnv(), lifecycle, recordingLogger(), { pool: { max: 1 } });
    const pool = await postgres.open(testServers.pgDatabase);
    const held = await pool.connect();
    const queued = pool.query('SELECT 2 AS two');
    expect(pool.waitingCount).toBe(1);
    expect(await lifecycle.probe(`postgres:${testServers.pgDatabase}`, 200)).toBe('ok');
    expect(pool.waitingCount).toBe(1);
    held.release();
    expect((await queued).rows).toEqual([{ two: 2 }]);
    await lifecycle.closeAll();
  });
});
