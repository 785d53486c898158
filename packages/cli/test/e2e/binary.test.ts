import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Runs the built binary as users do. Needs `npx nx run cli:build` first (the
 * test target depends on build); jest's `process.execPath` is the local Node.
 */
const packageDir = join(__dirname, '..', '..');
const bin = join(packageDir, 'bin', 'msp.js');
const built = join(packageDir, 'dist', 'bin', 'msp.js');

function msp(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
  });
}

describe('the msp binary (bin/msp.js launching the build)', () => {
  beforeAll(() => {
    if (!existsSync(built))
      throw new Error(`${built} does not exist: run "npx nx run cli:build" first`);
  });

  it('prints the package version', async () => {
    const version = (
      JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(await msp(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the same help as the golden file', async () => {
    const result = await msp(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      readFileSync(join(packageDir, 'test', 'golden', 'help', 'msp.txt'), 'utf8'),
    );
  });

  it('exits 2 with a message on a usage error, without colour when piped', async () => {
    const result = await msp(['generate', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: Unknown option \'--bogus\'\nhint: Run "msp generate --help" for usage.\n',
    );
  });

  it('exits 1 with a clear message for a missing spec, without a stack trace', async () => {
    const result = await msp(['logs', 'does-not-exist.yaml', '--env', 'dev']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: no such file: does-not-exist.yaml\n/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
