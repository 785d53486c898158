import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeDeps } from '../../test/support/fake-deps.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';
import type { MspDeps } from '../deps.js';

describe('msp init', () => {
  const tempDir = useTempDir();
  const SCHEMA_URL = 'https://unpkg.com/@msp/spec@9.9.9/schema/service.schema.json';
  const deps = (): MspDeps => ({ ...fakeDeps(), serviceSchemaURL: () => SCHEMA_URL });

  it('scaffolds service.yaml with a schema line, and a README whose header is the name', async () => {
    await mkdir(join(tempDir(), 'node_modules/@msp/spec/schema'), { recursive: true });
    await writeFile(join(tempDir(), 'node_modules/@msp/spec/schema/service.schema.json'), '{}');
    const result = await runMsp(
      ['init', 'billing', '--owner', 'team-billing', '--dir', 'services', '--schema', 'local'],
      { io: memoryIo({ cwd: tempDir() }), deps: deps() },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const spec = await readFile(join(tempDir(), 'services/billing/service.yaml'), 'utf8');
    expect(spec).toBe(
      [
        '# yaml-language-server: $schema=../../node_modules/@msp/spec/schema/service.schema.json',
        'service:',
        '  id: billing',
        '  name: Billing',
        '  owners:',
        '    - team-billing',
        '  description: "TODO: what Billing does"',
        'build:',
        '  image: ghcr.io/team-billing/billing',
        'environments:',
        '  - id: dev',
        '    projectID: billing-dev-aaaa',
        '    category: test',
        '    deploy:',
        '      type: manual',
        '      manual:',
        '        tag: latest',
        '    instances:',
        '      resources:',
        '        cpu: 1',
        '        memory: 512Mi',
        '      scaling:',
        '        minCount: 0',
        '        maxCount: 3',
        '    healthProbes:',
        '      healthzProbes: true',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(tempDir(), 'services/billing/README.md'), 'utf8')).toMatch(
      /^# Billing\n\n/,
    );
    expect(result.stdout).toContain('created services/billing/service.yaml');
    expect(result.stdout).toContain('msp generate services/billing/service.yaml');
  });

  it('points the schema line at the published URL by default', async () => {
    const result = await runMsp(['init', 'billing', '--owner', 'team-billing'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(result.code).toBe(0);
    const spec = await readFile(join(tempDir(), 'billing/service.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA_URL}`);
  });

  it('--schema local finds the nearest node_modules/@msp/spec above the service directory', async () => {
    await mkdir(join(tempDir(), 'node_modules/@msp/spec/schema'), { recursive: true });
    await writeFile(join(tempDir(), 'node_modules/@msp/spec/schema/service.schema.json'), '{}');
    await mkdir(join(tempDir(), 'a/b'), { recursive: true });
    const result = await runMsp(
      ['init', 'billing', '--owner', 'team-billing', '--dir', 'a/b', '--schema', 'local'],
      { io: memoryIo({ cwd: tempDir() }), deps: deps() },
    );
    expect(result.code).toBe(0);
    const spec = await readFile(join(tempDir(), 'a/b/billing/service.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../../node_modules/@msp/spec/schema/service.schema.json',
    );
  });

  it('--schema local without @msp/spec installed fails and writes nothing', async () => {
    const result = await runMsp(
      ['init', 'billing', '--owner', 'team-billing', '--schema', 'local'],
      { io: memoryIo({ cwd: tempDir() }), deps: deps() },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no node_modules/@msp/spec/schema/service.schema.json');
    expect(result.stderr).toContain('npm install --save-dev @msp/spec');
    expect(await readdir(tempDir())).toEqual([]);
  });

  it('scaffolds a job with a schedule and no scaling or probes', async () => {
    await runMsp(
      [
        'init',
        'nightly-report',
        '--kind',
        'job',
        '--owner',
        'data',
        '--env',
        'prod',
        '--suffix-length',
        '6',
      ],
      { io: memoryIo({ cwd: tempDir() }), deps: deps() },
    );
    const spec = await readFile(join(tempDir(), 'nightly-report/service.yaml'), 'utf8');
    expect(spec).toContain('  name: Nightly Report\n  kind: job\n');
    expect(spec).toContain('projectID: nightly-report-prod-aaaaaa');
    expect(spec).toContain('    schedule:\n      cron: "0 * * * *"\n    deadlineSeconds: 600\n');
    expect(spec).not.toContain('scaling');
    expect(spec).not.toContain('healthProbes');
  });

  it('never overwrites', async () => {
    await mkdir(join(tempDir(), 'billing'));
    await writeFile(join(tempDir(), 'billing/README.md'), 'mine\n');
    const result = await runMsp(['init', 'billing', '--owner', 'x'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('billing/README.md already exists; msp init never overwrites');
    expect(await readdir(join(tempDir(), 'billing'))).toEqual(['README.md']);
    expect(await readFile(join(tempDir(), 'billing/README.md'), 'utf8')).toBe('mine\n');
  });

  it('needs the ID and owner when it cannot prompt', async () => {
    const noID = await runMsp(['init'], { io: memoryIo({ cwd: tempDir() }), deps: deps() });
    expect(noID.code).toBe(2);
    expect(noID.stderr).toContain('missing <id>');
    const noOwner = await runMsp(['init', 'billing'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toContain('missing --owner');
  });

  it('rejects an invalid ID', async () => {
    const result = await runMsp(['init', 'Billing_Svc', '--owner', 'x'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid service ID "Billing_Svc"');
  });

  it('asks for what is missing on a terminal', async () => {
    const io = memoryIo({
      cwd: tempDir(),
      tty: true,
      env: { NO_COLOR: '1' },
      input: ['payments', '', 'team-pay', 'job'],
    });
    const result = await runMsp(['init'], { io, deps: deps() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Service ID: ');
    expect(result.stdout).toContain('Name (Payments): ');
    const spec = await readFile(join(tempDir(), 'payments/service.yaml'), 'utf8');
    expect(spec).toContain('  name: Payments\n  kind: job\n  owners:\n    - team-pay\n');
  });

  it('prints the files with --dry-run and writes nothing', async () => {
    const result = await runMsp(['init', 'billing', '--owner', 'x', '--dry-run'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(result.stdout).toContain('--- billing/service.yaml\n# yaml-language-server: $schema=');
    expect(await readdir(tempDir())).toEqual([]);
  });
});

describe('msp env add', () => {
  const tempDir = useTempDir();
  const original =
    '# a comment that must survive\nservice:\n  id: billing\nenvironments:\n  - id: dev\n';
  let appended: Record<string, unknown>[];
  const deps = (): MspDeps => {
    const base = fakeDeps();
    return {
      ...base,
      appendEnvironment: (source, environment) => {
        appended.push({ ...environment });
        return base.appendEnvironment(source, environment);
      },
    };
  };

  beforeEach(async () => {
    appended = [];
    await writeFile(join(tempDir(), 'service.yaml'), original);
  });

  it('appends an environment with a generated project ID through appendEnvironment', async () => {
    const result = await runMsp(
      ['env', 'add', 'service.yaml', 'staging', '--category', 'internal', '--suffix-length', '3'],
      {
        io: memoryIo({ cwd: tempDir() }),
        deps: deps(),
      },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(appended).toEqual([
      expect.objectContaining({
        id: 'staging',
        projectID: 'billing-staging-aaa',
        category: 'internal',
        deploy: { type: 'manual', manual: { tag: 'latest' } },
      }),
    ]);
    const text = await readFile(join(tempDir(), 'service.yaml'), 'utf8');
    expect(text.startsWith(original)).toBe(true);
    expect(text).toContain('"id":"staging"');
    expect(result.stdout).toContain(
      'added environment staging (project billing-staging-aaa) to service.yaml',
    );
  });

  it('refuses an environment that exists, listing the others', async () => {
    const result = await runMsp(['env', 'add', 'service.yaml', 'prod'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('billing already has an environment "prod"');
    expect(result.stderr).toContain('Environments: dev, prod.');
    expect(await readFile(join(tempDir(), 'service.yaml'), 'utf8')).toBe(original);
  });

  it('refuses a bad ID, a bad category and a missing spec', async () => {
    expect(
      (
        await runMsp(['env', 'add', 'service.yaml', 'Prod-1'], {
          io: memoryIo({ cwd: tempDir() }),
          deps: deps(),
        })
      ).code,
    ).toBe(2);
    expect(
      (
        await runMsp(['env', 'add', 'service.yaml', 'qa', '--category', 'prod'], {
          io: memoryIo({ cwd: tempDir() }),
          deps: deps(),
        })
      ).code,
    ).toBe(2);
    const missing = await runMsp(['env', 'add', 'nope.yaml', 'qa'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file: nope.yaml');
    expect(
      (
        await runMsp(['env', 'add', 'service.yaml'], {
          io: memoryIo({ cwd: tempDir() }),
          deps: deps(),
        })
      ).stderr,
    ).toContain('missing <env-id>');
  });

  it('refuses an invalid spec, showing its issues', async () => {
    const invalid = fakeDeps({
      issues: [
        {
          code: 'missing-field',
          severity: 'error',
          path: 'service.owners',
          message: 'is required',
          line: 2,
          column: 1,
        },
      ],
    });
    const result = await runMsp(['env', 'add', 'service.yaml', 'qa'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: invalid,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'service.yaml:2:1 error service.owners: is required [missing-field]',
    );
    expect(result.stderr).toContain(
      'error: service.yaml is invalid (1 error); fix it before adding an environment',
    );
  });

  it('refuses while the platform config is invalid, showing its issues', async () => {
    const base = fakeDeps();
    const config = join(tempDir(), 'msp.config.yaml');
    const result = await runMsp(['env', 'add', 'service.yaml', 'qa'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: {
        ...base,
        loadPlatformConfig: async () => ({
          file: config,
          source: 'folders: nope\n',
          issues: [
            {
              code: 'wrong-type',
              severity: 'error',
              path: 'folders',
              message: 'must be a mapping',
              line: 1,
              column: 10,
            },
          ],
        }),
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('msp.config.yaml:1:10 error folders: must be a mapping');
    expect(result.stderr).toContain('> 1 | folders: nope');
    expect(result.stderr).toContain('error: msp.config.yaml is invalid (1 error)');
  });
});
