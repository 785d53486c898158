import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { memoryIo } from '../../test/support/memory-io.js';
import { DEV, PROD, platformConfigText, serviceSpecText } from '../../test/support/spec-text.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';
import { fakeProgram } from '../../test/support/fake-program.js';

/**
 * Service billing: dev without PostgreSQL, and prod (project billing-prod-9f8e, the one
 * the fake gcloud knows) with the databases primary and audit.
 */
const billingSpec = (postgreSQL = '{ databases: [primary, audit] }') =>
  serviceSpecText({
    environments: [DEV, { ...PROD, lines: ['resources:', `  postgreSQL: ${postgreSQL}`] }],
  });

describe('msp pg connect', () => {
  const tempDir = useTempDir();
  let cwd: string;
  let bin: string;
  let record: string;
  const env = () => ({ PATH: `${bin}:/usr/bin:/bin` });

  beforeEach(async () => {
    cwd = tempDir();
    bin = join(cwd, 'bin');
    record = join(cwd, 'proxy-args.txt');
    await writeFile(join(cwd, 'msp.config.yaml'), platformConfigText());
    await writeFile(join(cwd, 'service.yaml'), billingSpec());
    // Answers only about the project of the spec's prod environment.
    await fakeProgram(
      bin,
      'gcloud',
      [
        'case "$1 $2 $4" in',
        '  "sql instances --project=billing-prod-9f8e") echo "billing-prod-9f8e:us-central1:postgresql-ab12" ;;',
        '  "iam service-accounts --project=billing-prod-9f8e") echo "operatoraccess-1a2b3c@billing-prod-9f8e.iam.gserviceaccount.com"; echo "billing-sa@billing-prod-9f8e.iam.gserviceaccount.com" ;;',
        '  *) echo "unexpected: $*" >&2; exit 3 ;;',
        'esac',
      ].join('\n'),
    );
  });

  const proxy = () =>
    fakeProgram(bin, 'cloud-sql-proxy', `printf '%s\\n' "$@" > "${record}"\necho "proxy ready"`);

  it('runs cloud-sql-proxy as the read-only operator account and prints psql per database', async () => {
    await proxy();
    const result = await runMsp(['pg', 'connect', '--env', 'prod'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await readFile(record, 'utf8')).trim().split('\n')).toEqual([
      'billing-prod-9f8e:us-central1:postgresql-ab12',
      '--address=127.0.0.1',
      '--port=5433',
      '--auto-iam-authn',
      '--impersonate-service-account=operatoraccess-1a2b3c@billing-prod-9f8e.iam.gserviceaccount.com',
    ]);
    expect(result.stdout).toContain(
      'read-only access as operatoraccess-1a2b3c@billing-prod-9f8e.iam.gserviceaccount.com',
    );
    expect(result.stdout).toContain(
      '  psql -U operatoraccess-1a2b3c@billing-prod-9f8e.iam -d primary -h 127.0.0.1 -p 5433\n',
    );
    expect(result.stdout).toContain(
      '  psql -U operatoraccess-1a2b3c@billing-prod-9f8e.iam -d audit -h 127.0.0.1 -p 5433\n',
    );
    expect(result.stdout).toContain('proxy ready');
  });

  it('impersonates the workload account with --write-access, on the port asked for', async () => {
    await proxy();
    const result = await runMsp(
      ['pg', 'connect', '--env', 'prod', '--write-access', '--port', '6543'],
      {
        io: memoryIo({ cwd, env: env() }),
      },
    );
    expect(result.code).toBe(0);
    const args = await readFile(record, 'utf8');
    expect(args).toContain(
      '--impersonate-service-account=billing-sa@billing-prod-9f8e.iam.gserviceaccount.com\n',
    );
    expect(args).toContain('--port=6543\n');
    expect(result.stdout).toContain(
      'psql -U billing-sa@billing-prod-9f8e.iam -d primary -h 127.0.0.1 -p 6543',
    );
  });

  it('says how to install the proxy when it is not on PATH', async () => {
    const result = await runMsp(['pg', 'connect', '--env', 'prod'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: cloud-sql-proxy is not installed');
    expect(result.stderr).toContain('gcloud components install cloud-sql-proxy');
  });

  it('prints the commands without running anything with --print, given the instance and account', async () => {
    const result = await runMsp(
      [
        'pg',
        'connect',
        '--env',
        'prod',
        '--print',
        '--instance',
        'p:r:i',
        '--service-account',
        'me@p.iam.gserviceaccount.com',
        '--private-ip',
      ],
      { io: memoryIo({ cwd, env: { PATH: '' } }) },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'proxy: cloud-sql-proxy p:r:i --address=127.0.0.1 --port=5433 --auto-iam-authn --impersonate-service-account=me@p.iam.gserviceaccount.com --private-ip',
    );
  });

  it('uses the private IP when the instance has no public IP', async () => {
    const run = async (postgreSQL: string) => {
      await writeFile(join(cwd, 'service.yaml'), billingSpec(postgreSQL));
      return runMsp(
        [
          ...['pg', 'connect', '--env', 'prod', '--print', '--instance', 'p:r:i'],
          ...['--service-account', 'me@p.iam.gserviceaccount.com'],
        ],
        { io: memoryIo({ cwd, env: { PATH: '' } }) },
      );
    };
    const privateOnly = await run('{ databases: [primary], publicIP: false }');
    expect(privateOnly.stderr).toBe('');
    expect(privateOnly.code).toBe(0);
    expect(privateOnly.stdout).toMatch(/--impersonate-service-account=\S+ --private-ip\n/);
    const withPublicIP = await run('{ databases: [primary] }');
    expect(withPublicIP.code).toBe(0);
    expect(withPublicIP.stdout).toContain(
      '--impersonate-service-account=me@p.iam.gserviceaccount.com\n',
    );
    expect(withPublicIP.stdout).not.toContain('--private-ip');
  });

  it('refuses an environment without PostgreSQL', async () => {
    await proxy();
    const result = await runMsp(['pg', 'connect', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('environment dev has no PostgreSQL instance');
  });

  it('suggests --port when the port is taken', async () => {
    await proxy();
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const result = await runMsp(['pg', 'connect', '--env', 'prod', '--port', String(port)], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).toContain('--port');
    } finally {
      server.close();
    }
  });

  it('reports a failing gcloud with its message', async () => {
    await proxy();
    await fakeProgram(
      bin,
      'gcloud',
      'echo "ERROR: (gcloud.sql.instances.list) You do not currently have an active account selected." >&2; exit 1',
    );
    const result = await runMsp(['pg', 'connect', '--env', 'prod'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('You do not currently have an active account selected.');
    expect(result.stderr).toContain('gcloud auth login');
  });

  it('reports a proxy that fails, with the permission hint', async () => {
    await fakeProgram(bin, 'cloud-sql-proxy', 'echo "permission denied" >&2; exit 1');
    const result = await runMsp(['pg', 'connect', '--env', 'prod'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('permission denied');
    expect(result.stderr).toContain('cloud-sql-proxy exited with code 1');
  });

  describe('--session-timeout', () => {
    const pidFile = () => join(cwd, 'proxy.pid');
    /** A proxy that records its PID, says it is ready and runs until stopped. */
    const longProxy = () =>
      fakeProgram(
        bin,
        'cloud-sql-proxy',
        `echo $$ > "${pidFile()}"\necho "proxy ready"\nexec sleep 30`,
      );
    const isRunning = async (): Promise<boolean> => {
      const pid = Number((await readFile(pidFile(), 'utf8')).trim());
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const whenReady = async (io: { out(): string }): Promise<void> => {
      while (!io.out().includes('proxy ready')) await new Promise((r) => setTimeout(r, 20));
    };

    it('stops the proxy when the time is up, with a message', async () => {
      await longProxy();
      const result = await runMsp(['pg', 'connect', '--env', 'prod', '--session-timeout', '1'], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('The proxy stops after 1s (--session-timeout)');
      expect(result.stderr).toContain(
        'Session timeout of 1s reached: cloud-sql-proxy stopped. Run the command again to reconnect',
      );
      expect(await isRunning()).toBe(false);
    });

    it.each([
      ['SIGINT', 130, 'Interrupted'],
      ['SIGTERM', 143, 'Terminated'],
    ] as const)('stops the proxy on %s', async (signal, code, word) => {
      await longProxy();
      const io = memoryIo({ cwd, env: env() });
      const running = runMsp(['pg', 'connect', '--env', 'prod'], { io });
      await whenReady(io);
      expect(await isRunning()).toBe(true);
      expect(io.signals.listenerCount(signal)).toBe(1);
      io.signals.emit(signal);
      const result = await running;
      expect(result.code).toBe(code);
      expect(result.stdout).toContain('The proxy stops after 5m (--session-timeout)');
      expect(result.stderr).toContain(`${word}: cloud-sql-proxy stopped.`);
      expect(await isRunning()).toBe(false);
      expect(io.signals.listenerCount(signal)).toBe(0);
    });

    it('lets the proxy run until it exits with 0', async () => {
      await fakeProgram(bin, 'cloud-sql-proxy', 'sleep 1\necho "proxy done"');
      const result = await runMsp(['pg', 'connect', '--env', 'prod', '--session-timeout', '0'], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('The proxy runs until you stop it (Ctrl-C).');
      expect(result.stdout).toContain('proxy done');
      expect(result.stderr).toBe('');
    });

    it('rejects a value that is not a whole number of seconds', async () => {
      const result = await runMsp(['pg', 'connect', '--env', 'prod', '--session-timeout', '1.5'], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--session-timeout must be a whole number from 0 to 86400');
    });
  });
});
