import { spawn } from 'node:child_process';
import { freePort } from './free-port.js';
import { cleanEnv } from './run.js';

export interface AppProcess {
  readonly url: string;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code, or 'hung' (then SIGKILLs) after `graceMs`. */
  stop(graceMs: number): Promise<number | null | 'hung'>;
}

/**
 * Runs an app's `npm start` script on a free port. The script runs under
 * `sh -c exec`, so the service itself is the process that gets SIGTERM, as in
 * a container where node is PID 1 (npm does not pass signals on reliably).
 */
export async function startApp(
  dir: string,
  startScript: string,
  env: Record<string, string>,
): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn('sh', ['-c', `exec ${startScript}`], {
    cwd: dir,
    env: cleanEnv({ ...env, PORT: String(port) }),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop(graceMs) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>(
        (resolve) => (timer = setTimeout(() => resolve('hung'), graceMs)),
      );
      const code = await Promise.race([exited, hung]);
      clearTimeout(timer);
      if (code === 'hung') child.kill('SIGKILL');
      return code;
    },
  };
}
