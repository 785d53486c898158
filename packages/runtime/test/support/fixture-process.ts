/**
 * Starts a fixture under `test/fixtures/` as a real Node.js process, running
 * the TypeScript sources directly (see `source-hooks.mjs`), and collects its
 * output line by line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const TEST_DIR = path.resolve(__dirname, '..');

export interface FixtureProcess {
  readonly child: ChildProcess;
  /** Standard output lines so far. */
  readonly lines: string[];
  readonly stderr: string[];
  /** Resolves with the exit code (or 128 + signal number when killed). */
  readonly exited: Promise<number>;
  /** Resolves with the first output line matching, parsed as JSON. */
  waitForLog(
    match: (record: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** JSON records among the output lines. */
  records(): Record<string, unknown>[];
}

function parse(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const SIGNAL_NUMBERS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export function startFixture(
  fixture: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): FixtureProcess {
  const typescript = (process.features as { typescript?: unknown }).typescript;
  const child = spawn(
    process.execPath,
    [
      ...(typescript ? [] : ['--experimental-strip-types']),
      '--import',
      path.join(TEST_DIR, 'support', 'source-hooks.mjs'),
      path.join(TEST_DIR, 'fixtures', fixture),
      ...args,
    ],
    { env: { PATH: process.env['PATH'] ?? '', LOG_FORMAT: 'json', ...env }, stdio: 'pipe' },
  );
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0));
      for (const wake of waiters) wake();
    }),
  );
  const records = (): Record<string, unknown>[] =>
    lines.flatMap((line) => {
      const record = parse(line);
      return record ? [record] : [];
    });

  const waitForLog: FixtureProcess['waitForLog'] = (match, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = records().find(match);
        if (found) {
          done();
          resolve(found);
        } else if (child.exitCode !== null) {
          done();
          reject(
            new Error(
              `${fixture} exited before the log line; output:\n${lines.join('\n')}\n${stderr.join('')}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `no matching log line within ${timeoutMs}ms; output:\n${lines.join('\n')}\n${stderr.join('')}`,
          ),
        );
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return { child, lines, stderr, exited, waitForLog, records };
}

/** Starts a service fixture and waits until it listens; returns its base URL. */
export async function startServiceFixture(
  fixture: string,
  env: Record<string, string>,
): Promise<FixtureProcess & { readonly url: string }> {
  const process = startFixture(fixture, { PORT: '0', ...env });
  const started = await process.waitForLog((record) => record['message'] === 'service started');
  return { ...process, url: `http://127.0.0.1:${String(started['port'])}` };
}
