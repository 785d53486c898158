import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { isMspError, MspError } from '@msp/spec/errors';
import { lineAndColumn, readMigrations, type Migration } from './migration-source.js';

export interface MigrateOptions {
  /** Table recording applied migrations. @default 'msp_migrations' */
  readonly table?: string;
}

export interface MigrateResult {
  /** Names applied by this call, in order. */
  readonly applied: readonly string[];
}

/** A migration could not be applied: code `migration-failed`; `migration` names it. */
export class MigrationError extends MspError {
  readonly migration: string | undefined;

  constructor(message: string, migration?: string, options?: { cause?: unknown }) {
    super('migration-failed', message, options);
    this.migration = migration;
  }
}

/** True for a {@link MigrationError}, even one from another copy of this package. */
export function isMigrationError(error: unknown): error is MigrationError {
  return isMspError(error, 'migration-failed');
}

const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Applies the migrations not yet recorded, in name order, each in its own
 * transaction together with its record. A session advisory lock serialises
 * concurrent callers (several instances starting at once); the later ones
 * find the work done. An applied migration whose SQL changed is an error.
 *
 * @param source a directory of `*.sql` files, or the migrations themselves
 * @throws MigrationError naming the migration (and file:line:column for SQL errors)
 */
export async function migrate(
  pool: Pool,
  source: string | readonly Migration[],
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const table = options.table ?? 'msp_migrations';
  if (!TABLE_NAME.test(table)) {
    throw new MigrationError(`table: "${table}" is not a plain lower-case SQL identifier`);
  }
  const migrations = sortAndCheck(
    typeof source === 'string' ? await readMigrations(source) : source,
  );
  const client = await pool.connect();
  const lockKey = advisoryLockKey(table);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [lockKey]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${table} (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = await appliedChecksums(client, table);
      checkUnchanged(migrations, done);
      const applied: string[] = [];
      for (const migration of migrations.filter((m) => !done.has(m.name))) {
        await applyOne(client, table, migration);
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
    }
  } finally {
    client.release();
  }
}

function sortAndCheck(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const duplicates = sorted
    .filter((m, i) => i > 0 && sorted[i - 1]?.name === m.name)
    .map((m) => m.name);
  if (duplicates.length > 0) {
    throw new MigrationError(`duplicate migration names: ${[...new Set(duplicates)].join(', ')}`);
  }
  return sorted;
}

async function appliedChecksums(client: PoolClient, table: string): Promise<Map<string, string>> {
  const result = await client.query<{ name: string; checksum: string }>(
    `SELECT name, checksum FROM ${table}`,
  );
  return new Map(result.rows.map((row) => [row.name, row.checksum]));
}

function checkUnchanged(migrations: readonly Migration[], done: ReadonlyMap<string, string>): void {
  const changed = migrations.filter((m) => {
    const recorded = done.get(m.name);
    return recorded !== undefined && recorded !== checksum(m.sql);
  });
  if (changed.length > 0) {
    const names = changed.map((m) => m.source ?? m.name).join(', ');
    throw new MigrationError(
      `already-applied migrations were edited: ${names}; add a new migration instead of changing an applied one`,
      changed[0]?.name,
    );
  }
}

async function applyOne(client: PoolClient, table: string, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query(`INSERT INTO ${table} (name, checksum) VALUES ($1, $2)`, [
      migration.name,
      checksum(migration.sql),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(describeFailure(migration, error), migration.name, { cause: error });
  }
}

function describeFailure(migration: Migration, error: unknown): string {
  const where = migration.source ?? migration.name;
  const message = error instanceof Error ? error.message : String(error);
  const position = positionOf(error);
  if (position === undefined) return `${where}: ${message}`;
  const { line, column } = lineAndColumn(migration.sql, position);
  return `${where}:${line}:${column}: ${message}`;
}

function positionOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('position' in error)) return undefined;
  const position = Number(error.position);
  return Number.isInteger(position) && position > 0 ? position : undefined;
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** A stable 32-bit key per table, so different tables do not block each other. */
function advisoryLockKey(table: string): number {
  return createHash('sha256').update(`msp-migrations:${table}`).digest().readInt32BE(0);
}
