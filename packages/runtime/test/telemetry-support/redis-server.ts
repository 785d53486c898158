import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts a throwaway redis-server (no persistence) listening on `port`, with
 * `args` replacing the plain-TCP listener when given (TLS, AUTH).
 */
export async function startRedisServer(port: number, args?: string[]): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    [
      ...(args ?? ['--port', String(port)]),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    {
      stdio: 'ignore',
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(new Error(`cannot start redis-server (is it installed?): ${error.message}`)),
    );
    server.once('spawn', () => resolve());
  });
  await waitFor(async () => {
    const { createConnection } = await import('node:net');
    return new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => resolve(socket.destroy() !== undefined));
      socket.once('error', () => resolve(false));
    });
  });
  return server;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
