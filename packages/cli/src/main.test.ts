import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportError } from './main.js';
import { createColors } from './cli/colors.js';
import { PROD, serviceSpecText } from '../test/support/spec-text.js';
import { runMsp } from '../test/support/run-msp.js';
import { memoryIo } from '../test/support/memory-io.js';
import { useTempDir } from '../test/support/temp-dir.js';

/** A valid spec of one production environment. */
const spec = serviceSpecText({ environments: [{ ...PROD, memory: '512Mi' }] });

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
    const tempDir = useTempDir();

    beforeEach(async () => {
      await writeFile(join(tempDir(), 'service.yaml'), spec);
      // Valid, but its Terraform is too old for the generated stacks: generation throws.
      await copyFile(
        join(__dirname, '../test/fixtures/specs-a/old-terraform/msp.config.yaml'),
        join(tempDir(), 'msp.config.yaml'),
      );
    });
    const generate = (...flags: string[]) =>
      runMsp(['generate', 'service.yaml', ...flags], { io: memoryIo({ cwd: tempDir() }) });

    it("prints a library's error as the CLI's own: its message, no stack trace, exit 1", async () => {
      // The generation library's GenerationError is an MspError (generation-failed).
      const result = await generate();
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        [
          'error: cannot generate Terraform:',
          '  environments.prod: stack cloudrun reads provider tokens as ephemeral values, which need Terraform 1.10 or later: terraformVersion in msp.config.yaml is 1.9.8',
          '',
        ].join('\n'),
      );
    });

    it("exits 2 on a library's UsageError, the same class as the CLI's", async () => {
      // @msp/spec's newProjectID refuses a project ID over 30 characters.
      const result = await runMsp(
        ['env', 'add', 'service.yaml', 'stagingstage', '--suffix-length', '16'],
        { io: memoryIo({ cwd: tempDir() }) },
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^error: project ID "billing-stagingstage-[0-9a-f]{16}" is longer than 30 characters/,
      );
      expect(result.stderr).not.toContain('bug in msp');
      expect(result.stderr).not.toContain('--verbose');
    });

    it('does not call an error with a code a bug', () => {
      // A system error that escaped (EACCES, ...) is not msp's, but not a bug either.
      const io = memoryIo();
      const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      reportError(denied, io, false, createColors(false), () => '1.2.3-test');
      expect(io.err()).toBe(
        'error: EACCES: permission denied\nhint: run again with --verbose for the stack trace\n',
      );
    });

    it('reports an error without a code as a bug in msp, naming the version', () => {
      // No supported input reaches this: it is the guard for errors that escape msp's own.
      const io = memoryIo();
      reportError(new TypeError('boom'), io, false, createColors(false), () => '1.2.3-test');
      expect(io.err()).toBe(
        'error: boom\nthis is a bug in msp, please report it at https://github.com/msp-platform/msp/issues with this output (msp 1.2.3-test)\nhint: run again with --verbose for the stack trace\n',
      );
    });

    it('prints the stack trace with --verbose', async () => {
      const empty = join(tempDir(), 'empty');
      await mkdir(empty);
      const result = await runMsp(['generate', '--verbose'], { io: memoryIo({ cwd: empty }) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`hint: Name a spec file`);
      expect(result.stderr).toContain(`MspError: no service.yaml under ${empty}`);
      expect(result.stderr).toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain('run again with --verbose');
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
