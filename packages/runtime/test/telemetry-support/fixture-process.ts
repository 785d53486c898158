import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { join } from 'node:path';

export interface FixtureProcess {
  readonly child: ChildProcess;
  readonly port: number;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once the process exits by itself. */
  stop(timeoutMs?: number): Promise<number | null>;
}

/**
 * Runs a fixture script from test/telemetry-fixtures with this Node (jest runs
 * on the workspace's Node 24), loading the runtime's TypeScript sources
 * through type stripping and ts-hooks.mjs. Resolves once it prints
 * "listening <port>".
 */
/** Runs a fixture script to completion; resolves with its stdout, rejects on another exit code. */
export async function runFixture(
  script: string,
  env: Record<string, string>,
  expectedCode = 0,
): Promise<string> {
  const child = spawnFixture(script, env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== expectedCode)
    throw new Error(`${script} exited with ${code}, not ${expectedCode}:\n${stderr}`);
  return stdout;
}

function spawnFixture(
  script: string,
  env: Record<string, string>,
): ChildProcessByStdio<null, Readable, Readable> {
  const fixtures = join(__dirname, '..', 'telemetry-fixtures');
  return spawn(
    process.execPath,
    ['--import', join(fixtures, 'ts-hooks.mjs'), join(fixtures, script)],
    {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export async function startFixture(
  script: string,
  env: Record<string, string>,
): Promise<FixtureProcess> {
  const fixtures = join(__dirname, '..', 'telemetry-fixtures');
  const child = spawn(
    process.execPath,
    ['--import', join(fixtures, 'ts-hooks.mjs'), join(fixtures, script)],
    {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fixture did not start:\n${output}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /listening (\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fixture exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    port,
    output: () => output,
    stop: (timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`fixture did not exit by itself within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        child.kill('SIGTERM');
      }),
  };
}
