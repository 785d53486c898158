import { spawn } from 'node:child_process';
import type { Io, StopSignal } from './io.js';

/** Why a supervised program ended. */
export type SupervisedEnd =
  | { readonly reason: 'exited'; readonly code: number }
  | { readonly reason: 'timeout' }
  | { readonly reason: 'signal'; readonly signal: StopSignal };

export interface SuperviseOptions {
  /** Stop the program after this long; 0 or absent: no limit. */
  readonly timeoutMs?: number;
  /** How long a stopped program gets to exit after SIGTERM before SIGKILL. */
  readonly killAfterMs?: number;
}

/**
 * Runs a long-lived program with its output copied to the command's streams,
 * and stops it (SIGTERM, then SIGKILL) when the time is up or when SIGINT or
 * SIGTERM reaches `io.signals`. Resolves once the program has exited.
 */
export function superviseProgram(
  io: Io,
  path: string,
  args: readonly string[],
  options: SuperviseOptions = {},
): Promise<SupervisedEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, [...args], {
      cwd: io.cwd,
      env: { ...io.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => io.stdout.write(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => io.stderr.write(chunk));

    let stopped: SupervisedEnd | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (end: SupervisedEnd): void => {
      if (stopped !== undefined) return;
      stopped = end;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 5000);
    };
    const onInterrupt = (): void => stop({ reason: 'signal', signal: 'SIGINT' });
    const onTerminate = (): void => stop({ reason: 'signal', signal: 'SIGTERM' });
    io.signals?.on('SIGINT', onInterrupt);
    io.signals?.on('SIGTERM', onTerminate);
    const timeoutMs = options.timeoutMs ?? 0;
    const timer =
      timeoutMs > 0 ? setTimeout(() => stop({ reason: 'timeout' }), timeoutMs) : undefined;

    const cleanUp = (): void => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      io.signals?.off('SIGINT', onInterrupt);
      io.signals?.off('SIGTERM', onTerminate);
    };
    child.on('error', (error) => {
      cleanUp();
      reject(error);
    });
    child.on('exit', (code) => {
      cleanUp();
      resolve(stopped ?? { reason: 'exited', code: code ?? 1 });
    });
  });
}
