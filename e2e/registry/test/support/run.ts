import { spawn } from 'node:child_process';

/**
 * The environment for the commands the test runs: the test's own, less what
 * npm, Nx and jest set for themselves (an outer `npm test` exports its config
 * as npm_config_* variables, which would override the test's npmrc).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|nx_|jest_)/i.test(name) || name === 'NODE_ENV' || name === 'NODE_OPTIONS') continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

export interface RunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
}

/** Runs a command to completion; rejects with its output when it fails or times out. */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else {
        const how =
          signal === null
            ? `exit code ${code}`
            : `signal ${signal} (timeout ${options.timeoutMs} ms?)`;
        reject(
          new Error(
            `${command} ${args.join(' ')} failed in ${options.cwd} with ${how}:\n${output}`,
          ),
        );
      }
    });
  });
}
