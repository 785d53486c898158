import { spawn } from 'node:child_process';
import type { Io } from './io.js';

/**
 * The program that opens a URL: `$BROWSER` when set, else the platform's
 * opener (`open` on macOS, `cmd /c start` on Windows, `xdg-open` elsewhere).
 */
export function browserCommand(
  env: Io['env'],
  platform: NodeJS.Platform = process.platform,
): { command: string; args: string[] } {
  const browser = env['BROWSER'];
  if (browser !== undefined && browser !== '') return { command: browser, args: [] };
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  return { command: 'xdg-open', args: [] };
}

/** Opens `url` in a browser; resolves when the opener has exited successfully. */
export function openURL(io: Io, url: string): Promise<void> {
  const { command, args } = browserCommand(io.env);
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, url], {
      cwd: io.cwd,
      env: { ...io.env } as NodeJS.ProcessEnv,
      stdio: 'ignore',
    });
    child.on('error', (error) =>
      reject(new Error(`could not run ${command} to open a browser: ${error.message}`)),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} exited with code ${code ?? 'unknown'}`)),
    );
  });
}
