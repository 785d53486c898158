import { runMsp } from '../test/support/run-msp.js';
import { memoryIo } from '../test/support/memory-io.js';
import { fakeDeps } from '../test/support/fake-deps.js';

describe('msp', () => {
  it('prints its version', async () => {
    const result = await runMsp(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: '1.2.3-test\n', stderr: '' });
  });

  it('prints the list of commands with --help and exits 0', async () => {
    const result = await runMsp(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Commands');
    expect(result.stdout).toContain('pg connect');
  });

  it('prints help to stderr and exits 2 when no command is given', async () => {
    const result = await runMsp([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage');
  });

  it('exits 2 on an unknown command and suggests a close one', async () => {
    const result = await runMsp(['lgos']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "lgos"; did you mean "logs"?');
  });

  it('asks for a subcommand of a group', async () => {
    const result = await runMsp(['tfc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"msp tfc" needs a subcommand: tfc view');
  });

  it('exits 2 on an unknown option, naming it', async () => {
    const result = await runMsp(['logs', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: Unknown option '--frobnicate'/);
    expect(result.stderr).toContain('msp logs --help');
  });

  it('exits 2 on extra arguments', async () => {
    const result = await runMsp(['logs', 'a.yaml', 'b.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unexpected argument "b.yaml"');
  });

  it('exits 2 when an option value is not one of its choices', async () => {
    const result = await runMsp(['pg', 'connect', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number from 1 to 65535; got "eighty"');
  });

  it('shows help for "msp help <command>"', async () => {
    const result = await runMsp(['help', 'tfc', 'view']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^msp tfc view: /);
  });

  it('accepts global flags before the command', async () => {
    const result = await runMsp(['--no-color', 'logs', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^msp logs: /);
  });

  describe('errors', () => {
    const failing = () =>
      fakeDeps({
        overrides: {
          loadSpec: async () => {
            throw new Error('disk on fire');
          },
        },
      });

    it('prints the message without a stack trace, and exits 1', async () => {
      const io = memoryIo({ cwd: __dirname });
      const result = await runMsp(['logs', 'main.test.ts'], { io, deps: failing() });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('error: disk on fire');
      expect(result.stderr).toContain('run again with --verbose');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });

    it('reports an unexpected error as a bug in msp, with the version', async () => {
      const io = memoryIo({ cwd: __dirname });
      const result = await runMsp(['logs', 'main.test.ts'], { io, deps: failing() });
      expect(result.stderr).toMatch(
        /this is a bug in msp, please report it at \S+ with this output \(msp \S+\)/,
      );
    });

    it('does not call an error with a code a bug', async () => {
      const coded = fakeDeps({
        overrides: {
          loadSpec: async () => {
            throw Object.assign(new Error('spec has 1 error'), { code: 'spec-invalid' });
          },
        },
      });
      const result = await runMsp(['logs', 'main.test.ts'], {
        io: memoryIo({ cwd: __dirname }),
        deps: coded,
      });
      expect([result.code, result.stderr.includes('bug in msp')]).toEqual([1, false]);
    });

    it('prints the stack trace with --verbose', async () => {
      const io = memoryIo({ cwd: __dirname });
      const result = await runMsp(['logs', 'main.test.ts', '--verbose'], { io, deps: failing() });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/\n\s+at /);
    });

    it('colours errors on a terminal, and not with NO_COLOR', async () => {
      const tty = await runMsp(['nope'], { io: memoryIo({ tty: true }) });
      expect(tty.stderr).toContain('\u001b[31merror\u001b[39m');
      const noColor = await runMsp(['nope'], {
        io: memoryIo({ tty: true, env: { NO_COLOR: '1' } }),
      });
      expect(noColor.stderr).not.toContain('\u001b[');
      const piped = await runMsp(['nope'], { io: memoryIo({ tty: false }) });
      expect(piped.stderr).not.toContain('\u001b[');
    });
  });
});
