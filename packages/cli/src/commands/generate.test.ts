import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeRegistry, type FakeRegistry } from '../../test/support/fake-registry.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { DEV, PROD, serviceSpecText } from '../../test/support/spec-text.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';

/** A manual `prod` and a `dev` deployed by subscription to `main` of `<registry>/example/billing`. */
const billingSpec = (registry: string) =>
  serviceSpecText({
    image: `${registry}/example/billing`,
    environments: [
      { ...DEV, deploy: ['deploy:', '  type: subscription', '  subscription: {tag: main}'] },
      { ...PROD, memory: '512Mi' },
    ],
  });

/** A spec of one manual environment. */
const manualSpec = (id: string) =>
  serviceSpecText({
    id,
    description: 'Does things.',
    environments: [{ ...PROD, projectSuffix: '1234', memory: '512Mi' }],
  });

/** Every file generated for billing, sorted. */
const BILLING_FILES = [
  'terraform/dev/.terraform-version',
  'terraform/dev/stacks/cloudrun/main.tf.json',
  'terraform/dev/stacks/cloudrun/terraform.tfvars',
  'terraform/dev/stacks/iam/main.tf.json',
  'terraform/dev/stacks/monitoring/main.tf.json',
  'terraform/dev/stacks/project/main.tf.json',
  'terraform/dev/stacks/tfcworkspaces/main.tf.json',
  'terraform/images.lock.json',
  'terraform/prod/.terraform-version',
  'terraform/prod/stacks/cloudrun/main.tf.json',
  'terraform/prod/stacks/iam/main.tf.json',
  'terraform/prod/stacks/monitoring/main.tf.json',
  'terraform/prod/stacks/project/main.tf.json',
  'terraform/prod/stacks/tfcworkspaces/main.tf.json',
];

describe('msp generate', () => {
  const tempDir = useTempDir();
  let registry: FakeRegistry;
  /** Digest of dev's subscribed tag as first published. */
  let published: string;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    published = registry.publish('example/billing', 'main', '{"schemaVersion":2,"build":1}');
    // A complete platform config (no platform-default warnings), Terraform Cloud state.
    await copyFile(
      join(__dirname, '../../test/fixtures/specs-a/msp.config.yaml'),
      join(tempDir(), 'msp.config.yaml'),
    );
    await mkdir(join(tempDir(), 'billing'));
    await writeFile(join(tempDir(), 'billing', 'service.yaml'), billingSpec(registry.host));
  });
  afterEach(() => registry.close());

  const io = (options: { tty?: boolean; env?: Record<string, string> } = {}) =>
    memoryIo({
      cwd: tempDir(),
      ...(options.tty === undefined ? {} : { tty: options.tty }),
      env: { PATH: '', MSP_PLAIN_HTTP_REGISTRIES: registry.host, ...options.env },
    });
  const run = (args: string[]) => runMsp(['generate', ...args], { io: io() });
  const read = (path: string) => readFile(join(tempDir(), path), 'utf8');
  const tfvars = () => read('billing/terraform/dev/stacks/cloudrun/terraform.tfvars');

  it('writes every stack beside the spec, pinning the subscribed image, and summarises resources per stack', async () => {
    const result = await run([]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readdir(join(tempDir(), 'billing/terraform/prod/stacks'))).toEqual([
      'cloudrun',
      'iam',
      'monitoring',
      'project',
      'tfcworkspaces',
    ]);
    expect(
      JSON.parse(await read('billing/terraform/dev/stacks/project/main.tf.json')),
    ).toMatchObject({
      resource: { google_project: { project: { project_id: 'billing-dev-1a2b' } } },
    });
    expect(result.stdout).toBe(
      [
        'billing (billing/service.yaml): 14 files changed, 0 unchanged',
        ...BILLING_FILES.map((file) => `  created billing/${file}`),
        '  environment  stack          resources',
        '  dev          cloudrun               5',
        '  dev          iam                   12',
        '  dev          monitoring             8',
        '  dev          project               23',
        '  dev          tfcworkspaces          0',
        '  prod         cloudrun               5',
        '  prod         iam                   12',
        '  prod         monitoring             8',
        '  prod         project               23',
        '  prod         tfcworkspaces          0',
        '',
      ].join('\n'),
    );
    // dev's tag was resolved once, from the registry, and pinned to its digest.
    expect(registry.requests).toEqual(['HEAD /v2/example/billing/manifests/main']);
    expect(await tfvars()).toBe(`resolved_image_tag = "main@${published}"\n`);
    expect(JSON.parse(await read('billing/terraform/images.lock.json'))).toMatchObject({
      environments: {
        dev: { image: `${registry.host}/example/billing`, tag: 'main', digest: published },
      },
    });
  });

  it('is idempotent: a second run writes nothing and asks the registry nothing', async () => {
    await run([]);
    const requests = registry.requests.length;
    const result = await run([]);
    expect(result.stdout).toContain('billing (billing/service.yaml): up to date, 14 unchanged\n');
    expect(registry.requests.length).toBe(requests);
  });

  it('--check passes on fresh output and catches a stale file, writing nothing', async () => {
    await run([]);
    expect((await run(['--check'])).code).toBe(0);
    const file = join(tempDir(), 'billing/terraform/prod/stacks/iam/main.tf.json');
    await writeFile(file, '{"stale": true}\n');
    const result = await run(['--check']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('would update billing/terraform/prod/stacks/iam/main.tf.json');
    expect(result.stderr).toContain('generated Terraform is stale for billing');
    expect(await readFile(file, 'utf8')).toBe('{"stale": true}\n');
  });

  it('--check catches an obsolete generated file, and generate removes it', async () => {
    await run([]);
    const obsolete = join(tempDir(), 'billing/terraform/prod/stacks/old/main.tf.json');
    await mkdir(join(tempDir(), 'billing/terraform/prod/stacks/old'));
    await writeFile(obsolete, '{}\n');
    await writeFile(
      join(tempDir(), 'billing/terraform/prod/stacks/iam/.terraform.lock.hcl'),
      '# kept\n',
    );
    const check = await run(['--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('would remove billing/terraform/prod/stacks/old/main.tf.json');
    const result = await run([]);
    expect(result.stdout).toContain('removed billing/terraform/prod/stacks/old/main.tf.json');
    await expect(readFile(obsolete)).rejects.toThrow();
    expect(await read('billing/terraform/prod/stacks/iam/.terraform.lock.hcl')).toBe('# kept\n');
  });

  it('--dry-run lists the files and writes nothing', async () => {
    const result = await run(['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'billing (billing/service.yaml): 14 files stale, 0 unchanged',
        ...BILLING_FILES.map((file) => `  would create billing/${file}`),
      ].join('\n'),
    );
    expect(await readdir(join(tempDir(), 'billing'))).toEqual(['service.yaml']);
  });

  it('keeps the digest pinned in the committed image lock unless --no-stable', async () => {
    await run([]);
    const updated = registry.publish('example/billing', 'main', '{"schemaVersion":2,"build":2}');
    const requests = registry.requests.length;
    expect((await run([])).code).toBe(0);
    expect(await tfvars()).toBe(`resolved_image_tag = "main@${published}"\n`);
    expect(registry.requests.length).toBe(requests);
    expect((await run(['--no-stable'])).code).toBe(0);
    expect(registry.requests.length).toBe(requests + 1);
    expect(await tfvars()).toBe(`resolved_image_tag = "main@${updated}"\n`);
    expect(JSON.parse(await read('billing/terraform/images.lock.json'))).toMatchObject({
      environments: { dev: { digest: updated } },
    });
  });

  it('with --conformance, checks every resource against the pinned provider schemas before writing', async () => {
    const result = await run(['--conformance']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'billing (billing/service.yaml): 14 files changed, 0 unchanged',
    );
  });

  it('generates one environment with --env, leaving the others alone', async () => {
    const result = await run(['billing/service.yaml', '--env', 'prod']);
    expect(result.code).toBe(0);
    // The lock pins every subscription environment, dev's included.
    expect(await readdir(join(tempDir(), 'billing/terraform'))).toEqual([
      'images.lock.json',
      'prod',
    ]);
    expect(result.stdout).toContain('billing (billing/service.yaml): 7 files changed, 0 unchanged');
  });

  it('writes under --out/<service id>', async () => {
    const result = await run(['--out', 'generated']);
    expect(result.code).toBe(0);
    expect(await readdir(join(tempDir(), 'generated/billing/terraform'))).toEqual([
      'dev',
      'images.lock.json',
      'prod',
    ]);
    expect(await readdir(join(tempDir(), 'billing'))).toEqual(['service.yaml']);
  });

  it('prints JSON with --json', async () => {
    const result = await run(['--json', '--dry-run']);
    const [entry] = JSON.parse(result.stdout) as {
      service: string;
      written: boolean;
      files: { created: string[] };
      stacks: unknown[];
    }[];
    expect(entry).toMatchObject({ service: 'billing', written: false });
    expect(entry?.files.created).toEqual(BILLING_FILES);
    expect(entry?.stacks).toContainEqual({ environment: 'prod', stack: 'project', resources: 23 });
  });

  it('reports an invalid spec and goes on with the others, exiting 1', async () => {
    await mkdir(join(tempDir(), 'broken'));
    await writeFile(join(tempDir(), 'broken/service.yaml'), 'service:\n  id: broken\n');
    const result = await run([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      [
        'broken/service.yaml:1:1 error build: missing required field "build" [missing-field]',
        '  > 1 | service:',
        '      | ^',
        '    2 |   id: broken',
      ].join('\n'),
    );
    expect(result.stderr).toContain('error: broken/service.yaml is invalid: 4 errors');
    expect(await readdir(join(tempDir(), 'billing/terraform'))).toEqual([
      'dev',
      'images.lock.json',
      'prod',
    ]);
  });

  it("prints the platform config's warnings once, however many specs use it", async () => {
    // Complete but for sentry.
    await writeFile(
      join(tempDir(), 'msp.config.yaml'),
      [
        'billingAccount: 000000-000000-000000',
        "organizationID: '100000000000'",
        'state: {type: terraform-cloud, organization: acme}',
        'notifications:',
        '  slackTokenSecret: {project: acme-secrets, secret: SLACK_BOT_TOKEN}',
        '  opsgenie: {apiKeySecret: {project: acme-secrets, secret: OPSGENIE_API_KEY}}',
        '',
      ].join('\n'),
    );
    await mkdir(join(tempDir(), 'search'));
    await writeFile(join(tempDir(), 'search/service.yaml'), manualSpec('search'));
    const result = await run(['--out', 'out']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(billing/service.yaml)');
    expect(result.stdout).toContain('(search/service.yaml)');
    expect(result.stderr).toBe(
      [
        'msp.config.yaml warning sentry: no sentry settings: no Sentry project is created and workloads get no SENTRY_DSN [platform-default]',
        '  hint: set sentry (organization, team, authTokenSecret) in msp.config.yaml to create a Sentry project per environment',
        '',
      ].join('\n'),
    );
  });

  it('fails clearly for a missing spec or an unknown environment', async () => {
    const missing = await run(['nope.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file: nope.yaml');
    const unknown = await run(['--env', 'staging']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('service billing has no environment "staging"');
  });

  it('says when there is no spec at all', async () => {
    await mkdir(join(tempDir(), 'empty'));
    const empty = await runMsp(['generate'], {
      io: memoryIo({ cwd: join(tempDir(), 'empty') }),
    });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no service.yaml under');
  });

  it('shows progress on a terminal when there are several specs', async () => {
    await mkdir(join(tempDir(), 'other'));
    await writeFile(join(tempDir(), 'other/service.yaml'), manualSpec('other'));
    const terminal = io({ tty: true, env: { NO_COLOR: '1' } });
    await runMsp(['generate', '--dry-run'], { io: terminal });
    expect(terminal.err()).toContain('[1/2] billing/service.yaml');
    expect(terminal.err()).toContain('[2/2] other/service.yaml');
  });
});
