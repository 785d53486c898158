import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One schema change: applied once, in its own transaction, in name order. */
export interface Migration {
  /** Unique; order is by name, so prefix with a zero-padded number (`0001_init`). */
  readonly name: string;
  readonly sql: string;
  /** Where the SQL came from, for error messages. @default name */
  readonly source?: string;
}

/** Reads every `*.sql` file of `dir` (not recursive), named by file name. */
export async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql'));
  return Promise.all(
    files.map(async (file) => ({
      name: file.slice(0, -'.sql'.length),
      sql: await readFile(join(dir, file), 'utf8'),
      source: join(dir, file),
    })),
  );
}

/** 1-based line and column of a 1-based character position in `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}
