import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { memoryIo } from '../../test/support/memory-io.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';

/** The `projectID` line of a spec, whose suffix is random. */
const projectIDOf = (spec: string): string | undefined => /^ {4}projectID: (\S+)$/m.exec(spec)?.[1];

describe('msp init', () => {
  const tempDir = useTempDir();

  it('scaffolds service.yaml with a schema line, and a README whose header is the name', async () => {
    await mkdir(join(tempDir(), 'node_modules/@msp/spec/schema'), { recursive: true });
    await writeFile(join(tempDir(), 'node_modules/@msp/spec/schema/service.schema.json'), '{}');
    const result = await runMsp(
      ['init', 'billing', '--owner', 'team-billing', '--dir', 'services', '--schema', 'local'],
      { io: memoryIo({ cwd: tempDir() }) },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const spec = await readFile(join(tempDir(), 'services/billing/service.yaml'), 'utf8');
    const projectID = projectIDOf(spec);
    expect(projectID).toMatch(/^billing-dev-[0-9a-f]{4}$/);
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
        `    projectID: ${projectID}`,
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
    // What it scaffolds is a valid spec, README header included.
    const validated = await runMsp(['validate', 'services/billing/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(validated.stdout).toContain('Checked 1 spec: all valid\n');
    expect(validated.code).toBe(0);
  });

  it('points the schema line at the published URL of this @msp/spec version by default', async () => {
    const { version } = JSON.parse(
      await readFile(join(__dirname, '../../../spec/package.json'), 'utf8'),
    ) as { version: string };
    const result = await runMsp(['init', 'billing', '--owner', 'team-billing'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(0);
    const spec = await readFile(join(tempDir(), 'billing/service.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://unpkg.com/@msp/spec@${version}/schema/service.schema.json`,
    );
  });

  it('--schema local finds the nearest node_modules/@msp/spec above the service directory', async () => {
    await mkdir(join(tempDir(), 'node_modules/@msp/spec/schema'), { recursive: true });
    await writeFile(join(tempDir(), 'node_modules/@msp/spec/schema/service.schema.json'), '{}');
    await mkdir(join(tempDir(), 'a/b'), { recursive: true });
    const result = await runMsp(
      ['init', 'billing', '--owner', 'team-billing', '--dir', 'a/b', '--schema', 'local'],
      { io: memoryIo({ cwd: tempDir() }) },
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
      { io: memoryIo({ cwd: tempDir() }) },
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
      { io: memoryIo({ cwd: tempDir() }) },
    );
    const spec = await readFile(join(tempDir(), 'nightly-report/service.yaml'), 'utf8');
    expect(spec).toContain('  name: Nightly Report\n  kind: job\n');
    expect(projectIDOf(spec)).toMatch(/^nightly-report-prod-[0-9a-f]{6}$/);
    expect(spec).toContain('    schedule:\n      cron: "0 * * * *"\n    deadlineSeconds: 600\n');
    expect(spec).not.toContain('scaling');
    expect(spec).not.toContain('healthProbes');
  });

  it('never overwrites', async () => {
    await mkdir(join(tempDir(), 'billing'));
    await writeFile(join(tempDir(), 'billing/README.md'), 'mine\n');
    const result = await runMsp(['init', 'billing', '--owner', 'x'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('billing/README.md already exists; msp init never overwrites');
    expect(await readdir(join(tempDir(), 'billing'))).toEqual(['README.md']);
    expect(await readFile(join(tempDir(), 'billing/README.md'), 'utf8')).toBe('mine\n');
  });

  it('needs the ID and owner when it cannot prompt', async () => {
    const noID = await runMsp(['init'], { io: memoryIo({ cwd: tempDir() }) });
    expect(noID.code).toBe(2);
    expect(noID.stderr).toContain('missing <id>');
    const noOwner = await runMsp(['init', 'billing'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(noOwner.code).toBe(2);
    expect(noOwner.stderr).toContain('missing --owner');
  });

  it('rejects an invalid ID', async () => {
    const result = await runMsp(['init', 'Billing_Svc', '--owner', 'x'], {
      io: memoryIo({ cwd: tempDir() }),
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
    const result = await runMsp(['init'], { io });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Service ID: ');
    expect(result.stdout).toContain('Name (Payments): ');
    const spec = await readFile(join(tempDir(), 'payments/service.yaml'), 'utf8');
    expect(spec).toContain('  name: Payments\n  kind: job\n  owners:\n    - team-pay\n');
  });

  it('prints the files with --dry-run and writes nothing', async () => {
    const result = await runMsp(['init', 'billing', '--owner', 'x', '--dry-run'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.stdout).toContain('--- billing/service.yaml\n# yaml-language-server: $schema=');
    expect(await readdir(tempDir())).toEqual([]);
  });
});

describe('msp env add', () => {
  const tempDir = useTempDir();
  const original = [
    '# a comment that must survive',
    'service:',
    '  id: billing',
    '  owners:',
    '    - team-billing',
    '  description: Bills customers.',
    '  notionPageID: 0123456789abcdef0123456789abcdef',
    'build:',
    '  image: ghcr.io/example/billing',
    'environments:',
    ...[
      ['dev', 'billing-dev-1a2b', 'test'],
      ['prod', 'billing-prod-9f8e', 'external'],
    ].flatMap(([id, projectID, category]) => [
      `  - id: ${id}`,
      `    projectID: ${projectID}`,
      `    category: ${category}`,
      '    deploy:',
      '      type: manual',
      '    instances:',
      '      resources:',
      '        cpu: 1',
      '        memory: 512Mi',
    ]),
    '',
  ].join('\n');

  beforeEach(async () => {
    await writeFile(join(tempDir(), 'service.yaml'), original);
  });

  it('appends an environment with a generated project ID, keeping the rest of the file', async () => {
    const result = await runMsp(
      ['env', 'add', 'service.yaml', 'staging', '--category', 'internal', '--suffix-length', '3'],
      { io: memoryIo({ cwd: tempDir() }) },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = await readFile(join(tempDir(), 'service.yaml'), 'utf8');
    expect(text.startsWith(original)).toBe(true);
    const { environments } = parse(text) as { environments: { projectID: string }[] };
    const projectID = environments[2]?.projectID;
    expect(projectID).toMatch(/^billing-staging-[0-9a-f]{3}$/);
    expect(environments.slice(2)).toEqual([
      {
        id: 'staging',
        projectID,
        category: 'internal',
        deploy: { type: 'manual', manual: { tag: 'latest' } },
        instances: {
          resources: { cpu: 1, memory: '512Mi' },
          scaling: { minCount: 0, maxCount: 3 },
        },
        healthProbes: { healthzProbes: true },
      },
    ]);
    expect(result.stdout).toBe(
      `added environment staging (project ${projectID}) to service.yaml\n`,
    );
    const validated = await runMsp(['validate', 'service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(validated.stdout).toContain('Checked 1 spec: all valid\n');
    expect(validated.code).toBe(0);
  });

  it('refuses an environment that exists, listing the others', async () => {
    const result = await runMsp(['env', 'add', 'service.yaml', 'prod'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('billing already has an environment "prod"');
    expect(result.stderr).toContain('Environments: dev, prod.');
    expect(await readFile(join(tempDir(), 'service.yaml'), 'utf8')).toBe(original);
  });

  it('refuses a bad ID, a bad category and a missing spec', async () => {
    const run = (args: string[]) =>
      runMsp(['env', 'add', ...args], { io: memoryIo({ cwd: tempDir() }) });
    expect((await run(['service.yaml', 'Prod-1'])).code).toBe(2);
    expect((await run(['service.yaml', 'qa', '--category', 'prod'])).code).toBe(2);
    const missing = await run(['nope.yaml', 'qa']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file: nope.yaml');
    expect((await run(['service.yaml'])).stderr).toContain('missing <env-id>');
    expect(await readFile(join(tempDir(), 'service.yaml'), 'utf8')).toBe(original);
  });

  it('refuses an invalid spec, showing its issues', async () => {
    const invalid = original.replace('  owners:\n    - team-billing\n', '');
    await writeFile(join(tempDir(), 'service.yaml'), invalid);
    const result = await runMsp(['env', 'add', 'service.yaml', 'qa'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'service.yaml:3:3 error service.owners: missing required field "owners" [missing-field]',
    );
    expect(result.stderr).toContain('> 3 |   id: billing');
    expect(result.stderr).toContain(
      'error: service.yaml is invalid (1 error); fix it before adding an environment',
    );
    expect(await readFile(join(tempDir(), 'service.yaml'), 'utf8')).toBe(invalid);
  });

  it('refuses while the platform config is invalid, showing its issues', async () => {
    await writeFile(join(tempDir(), 'msp.config.yaml'), 'folders: nope\n');
    const result = await runMsp(['env', 'add', 'service.yaml', 'qa'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('msp.config.yaml:1:10 error folders: must be a mapping');
    expect(result.stderr).toContain('> 1 | folders: nope');
    expect(result.stderr).toContain('error: msp.config.yaml is invalid (1 error)');
    expect(await readFile(join(tempDir(), 'service.yaml'), 'utf8')).toBe(original);
  });
});
