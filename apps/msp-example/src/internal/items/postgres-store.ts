import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, type Logger, type Postgres } from '@msp/runtime';
import type { Item } from './item.js';
import type { ItemStore } from './item-store.js';

type Pool = Awaited<ReturnType<Postgres['open']>>;

interface ItemRow {
  id: string;
  name: string;
  value: unknown;
  created_at: Date;
}

/**
 * The SQL migrations shipped with the service: `migrations/` beside its
 * `package.json`, found upwards from this module, which sits at a different
 * depth in `src/`, `dist/` and the bundle in `dist/bundle/`.
 */
export const MIGRATIONS_DIR = shippedDirectory('migrations');

function shippedDirectory(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, name))) {
      return path.join(dir, name);
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`no ${name}/ beside the service's package.json above ${import.meta.url}`);
    }
  }
}

const COLUMNS = 'id, name, value, created_at';

function toItem(row: ItemRow): Item {
  return { id: row.id, name: row.name, value: row.value, createdAt: row.created_at.toISOString() };
}

/** Applies the service's migrations to `pool`'s database, then stores items there. */
export async function postgresItemStore(pool: Pool, logger: Logger): Promise<ItemStore> {
  const { applied } = await migrate(pool, MIGRATIONS_DIR);
  if (applied.length > 0) logger.info('applied migrations', { applied });
  return {
    kind: 'postgres',
    create: async ({ name, value }) => {
      const { rows } = await pool.query<ItemRow>(
        `INSERT INTO items (id, name, value) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
        [randomUUID(), name, JSON.stringify(value)],
      );
      const [row] = rows;
      if (row === undefined) throw new Error('INSERT returned no row');
      return toItem(row);
    },
    get: async (id) => {
      const { rows } = await pool.query<ItemRow>(`SELECT ${COLUMNS} FROM items WHERE id = $1`, [
        id,
      ]);
      return rows[0] && toItem(rows[0]);
    },
    list: async (limit) => {
      const { rows } = await pool.query<ItemRow>(
        `SELECT ${COLUMNS} FROM items ORDER BY created_at DESC, id LIMIT $1`,
        [limit],
      );
      return rows.map(toItem);
    },
    delete: async (id) => {
      const { rowCount } = await pool.query('DELETE FROM items WHERE id = $1', [id]);
      return (rowCount ?? 0) > 0;
    },
    deleteCreatedBefore: async (cutoff) => {
      const { rowCount } = await pool.query('DELETE FROM items WHERE created_at < $1', [cutoff]);
      return rowCount ?? 0;
    },
  };
}
