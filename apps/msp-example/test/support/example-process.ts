/**
 * Runs the example as it ships, the bundle (`dist/bundle/main.js`,
 * `dist/bundle/job.js`, what the Dockerfile runs), as a real process
 * with this Node (jest runs on the workspace's Node 24) and a given
 * environment, collecting its JSON log records.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const APP_DIR = path.resolve(__dirname, '..', '..');

export interface ExampleProcess {
  readonly child: ChildProcess;
  /** Resolves with the exit code, or 128 + the signal number when killed. */
  readonly exited: Promise<number>;
  records(): Record<string, unknown>[];
  output(): string;
  /** Resolves with the first record matching; rejects on exit or after `timeoutMs`. */
  waitFor(
    match: (record: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
}

function parse(line: string): Record<string, unknown>[] {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? [value as Record<string, unknown>] : [];
  } catch {
    return [];
  }
}

export function runExample(entry: 'main' | 'job', env: Record<string, string>): ExampleProcess {
  const script = path.join(APP_DIR, 'dist', 'bundle', `${entry}.js`);
  if (!existsSync(script)) {
    throw new Error(`${script} is missing: build first (npx nx run msp-example:build)`);
  }
  const child = spawn(process.execPath, [script], {
    cwd: APP_DIR,
    env: { PATH: process.env['PATH'] ?? '', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const wake = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const check of wake) check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal === 'SIGKILL' ? 9 : 15));
      for (const check of wake) check();
    }),
  );
  const records = (): Record<string, unknown>[] => stdout.split('\n').flatMap(parse);
  const output = (): string => `${stdout}${stderr}`;
  return {
    child,
    exited,
    records,
    output,
    waitFor: (match, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          wake.delete(check);
        };
        const check = (): void => {
          const found = records().find(match);
          if (found !== undefined) {
            done();
            resolve(found);
          } else if (child.exitCode !== null || child.signalCode !== null) {
            done();
            reject(new Error(`the example exited before the expected log line:\n${output()}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no expected log line within ${timeoutMs} ms:\n${output()}`));
        }, timeoutMs);
        wake.add(check);
        check();
      }),
  };
}

/** Starts the service on a free port and resolves once it listens. */
export async function startExample(
  env: Record<string, string>,
): Promise<ExampleProcess & { readonly url: string }> {
  const example = runExample('main', { PORT: '0', ...env });
  const started = await example.waitFor((r) => r['message'] === 'service started');
  return { ...example, url: `http://127.0.0.1:${String(started['port'])}` };
}
