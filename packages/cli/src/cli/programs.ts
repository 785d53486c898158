import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { Io } from './io.js';

/** The first executable called `name` on `PATH`, or undefined. */
export async function findExecutable(
  env: Io['env'],
  name: string,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const names = platform === 'win32' ? [`${name}.exe`, `${name}.cmd`, name] : [name];
  for (const dir of dirs) {
    for (const candidate of names) {
      const path = join(dir, candidate);
      try {
        await access(path, constants.X_OK);
        return path;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

export interface ProgramResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program to completion and captures its output. `node:child_process` is
 * loaded on first use: commands that import this module rarely run a program.
 */
export async function captureProgram(
  io: Io,
  path: string,
  args: readonly string[],
): Promise<ProgramResult> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile(
      path,
      [...args],
      { cwd: io.cwd, env: { ...io.env } as NodeJS.ProcessEnv, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(error);
        else resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}
