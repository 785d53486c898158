import { join } from 'node:path';
import type { Pool } from 'pg';
import { MigrationError, isMigrationError, migrate } from '../src/postgres/migrate.js';
import { createPostgres } from '../src/postgres/create-postgres.js';
import { requireServer, testServers } from './telemetry-support/servers.js';
import {
  recordingLifecycle,
  recordingLogger,
  type RecordingLifecycle,
} from './telemetry-support/recording-lifecycle.js';

/** Each test gets its own schema, so runs never see each other's tables. */
const schema = `msp_migrate_${process.pid}`;
let lifecycle: RecordingLifecycle;
let pool: Pool;

beforeAll(async () => {
  await requireServer('PostgreSQL');
  lifecycle = recordingLifecycle();
  const dsn = `postgres://${testServers.pgUser}@${testServers.pgHost}:${testServers.pgPort}/x?options=-c%20search_path%3D${schema}`;
  pool = await createPostgres({ PGDSN: dsn }, lifecycle, recordingLogger()).open(
    testServers.pgDatabase,
  );
});

beforeEach(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
});

afterAll(async () => {
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await lifecycle.closeAll();
});

const tables = async (): Promise<string[]> =>
  (
    await pool.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    )
  ).rows.map((row) => row.table_name);

describe('migrate', () => {
  it('applies the SQL files of a directory in name order, once', async () => {
    const dir = join(__dirname, 'postgres-fixtures', 'migrations');
    expect(await migrate(pool, dir)).toEqual({ applied: ['0001_notes', '0002_created_at'] });
    expect(await migrate(pool, dir)).toEqual({ applied: [] });
    expect(await tables()).toEqual(['fixture_notes', 'msp_migrations']);
    const notes = await pool.query<{ body: string }>('SELECT body FROM fixture_notes');
    expect(notes.rows).toEqual([{ body: 'hello' }]);
  });

  it('orders by name whatever order the list has', async () => {
    const result = await migrate(pool, [
      { name: '0002_b', sql: 'ALTER TABLE a ADD COLUMN b int' },
      { name: '0001_a', sql: 'CREATE TABLE a (id int)' },
    ]);
    expect(result.applied).toEqual(['0001_a', '0002_b']);
  });

  it('rolls back a failing migration and names its file, line and column', async () => {
    const attempt = migrate(pool, [
      { name: '0001_ok', sql: 'CREATE TABLE ok (id int)' },
      {
        name: '0002_bad',
        sql: 'CREATE TABLE half (id int);\nSELECT nope FROM ok;',
        source: 'migrations/0002_bad.sql',
      },
    ]);
    await expect(attempt).rejects.toThrow(MigrationError);
    expect(isMigrationError(await attempt.catch((error: unknown) => error))).toBe(true);
    await expect(attempt).rejects.toThrow(
      'migrations/0002_bad.sql:2:8: column "nope" does not exist',
    );
    expect(await tables()).toEqual(['msp_migrations', 'ok']);
    const recorded = await pool.query<{ name: string }>('SELECT name FROM msp_migrations');
    expect(recorded.rows).toEqual([{ name: '0001_ok' }]);
  });

  it('refuses to run when an applied migration was edited', async () => {
    await migrate(pool, [{ name: '0001_a', sql: 'CREATE TABLE a (id int)' }]);
    await expect(
      migrate(pool, [{ name: '0001_a', sql: 'CREATE TABLE a (id bigint)' }]),
    ).rejects.toThrow(
      'already-applied migrations were edited: 0001_a; add a new migration instead of changing an applied one',
    );
  });

  it('rejects duplicate names before touching the database', async () => {
    const sql = 'CREATE TABLE dup (id int)';
    await expect(
      migrate(pool, [
        { name: 'x', sql },
        { name: 'x', sql },
      ]),
    ).rejects.toThrow('duplicate migration names: x');
    expect(await tables()).toEqual([]);
  });

  it('applies each migration once when instances migrate concurrently', async () => {
    const migrations = [
      { name: '0001_counter', sql: 'CREATE TABLE counter (n int); INSERT INTO counter VALUES (0)' },
      { name: '0002_bump', sql: 'SELECT pg_sleep(0.05); UPDATE counter SET n = n + 1' },
    ];
    const results = await Promise.all([1, 2, 3].map(() => migrate(pool, migrations)));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(['0001_counter', '0002_bump']);
    const counter = await pool.query<{ n: number }>('SELECT n FROM counter');
    expect(counter.rows).toEqual([{ n: 1 }]);
  });
});
