import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listFiles } from '../../src/fs/find-specs.js';
import { memoryIo } from '../support/memory-io.js';
import { repoRoot } from '../support/repository.js';
import { runMsp } from '../support/run-msp.js';
import {
  hasTerraform,
  mapLimited,
  terraformPlan,
  terraformValidate,
} from '../../../../tools/testing/tf-offline.js';

/**
 * Specs written for the anchor (test/anchor/<case>), used unchanged with the
 * embedded default: each is copied where no msp.config.yaml is above it, then
 * validated and generated through the real CLI with no network (the registry
 * hosts are not spoken to: subscriptions are pinned by their committed lock),
 * and every stack goes through real `terraform validate`.
 */
const ANCHOR_DIR = join(repoRoot, 'packages', 'cli', 'test', 'anchor');

interface Generated {
  readonly dir: string;
  readonly validate: { code: number; stdout: string; stderr: string };
  readonly generate: { code: number; stdout: string; stderr: string };
}

describe('anchor-format specs with the embedded default', () => {
  let root = '';
  let cases: string[] = [];
  const generated = new Map<string, Generated>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'msp-anchor-'));
    cases = (await readdir(ANCHOR_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const name of cases) {
      const dir = join(root, name);
      await cp(join(ANCHOR_DIR, name), dir, { recursive: true });
      // No network: a fetch would fail the test rather than reach a registry.
      const io = () => memoryIo({ cwd: dir, env: { PATH: '' } });
      const validate = await runMsp(['validate', '--no-color', 'service.yaml'], { io: io() });
      const generate = await runMsp(['generate', '--no-color', 'service.yaml'], { io: io() });
      generated.set(name, { dir, validate, generate });
    }
  }, 120_000);

  afterAll(async () => {
    if (root !== '') await rm(root, { recursive: true, force: true });
  });

  it('has the cases written from the inventory', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'duplicate-lists',
        'embedded-default',
        'job-scaffold',
        'newest-fields',
        'older-fields',
        'service-scaffold',
      ]),
    );
  });

  it('runs with no platform config above any case', async () => {
    const { findPlatformConfig } = await import('@msp/spec');
    expect(await findPlatformConfig(root)).toBeUndefined();
  });

  it('validates each case as the anchor would: exit 0, warnings allowed', () => {
    for (const [name, { validate }] of generated) {
      expect({ name, code: validate.code, errors: errorLines(validate) }).toEqual({
        name,
        code: 0,
        errors: [],
      });
    }
  });

  it('generates each case offline', () => {
    for (const [name, { generate }] of generated) {
      expect({ name, code: generate.code, errors: errorLines(generate) }).toEqual({
        name,
        code: 0,
        errors: [],
      });
      expect(generate.stderr).not.toContain('cannot reach');
    }
  });

  describe('the embedded-default case', () => {
    const stack = async (name: string) =>
      readFile(
        join(generated.get('embedded-default')?.dir ?? '', 'terraform/dev/stacks', name),
        'utf8',
      );

    it('names each default taken in a warning', () => {
      const { stderr } = generated.get('embedded-default')?.generate ?? { stderr: '' };
      for (const named of [
        'CLOUDFLARE_API_TOKEN',
        'cloudflare_origin_certificate',
        'billing_account',
        'state_bucket',
        // Features left out without their platform settings.
        'no Sentry project',
        'without Slack notification channels',
        'critical alerts page no owner',
      ])
        expect(stderr).toMatch(new RegExp(`warning .*${named}`));
    });

    it('lists the input variables to supply in the summary', () => {
      const { stdout } = generated.get('embedded-default')?.generate ?? { stdout: '' };
      expect(stdout).toContain('input variables to supply at plan time');
      expect(stdout).toContain('dev/project: billing_account');
      expect(stdout).toContain(
        'dev/cloudrun: cloudflare_origin_certificate, cloudflare_origin_private_key, state_bucket',
      );
    });

    it('pins the subscription to the digest of the committed lock', async () => {
      expect(await stack('cloudrun/terraform.tfvars')).toBe(
        'resolved_image_tag = "insiders@sha256:4d2c0a5f3b9e8d7c6b5a49382716f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e"\n',
      );
      const { dir } = generated.get('embedded-default') ?? { dir: '' };
      expect(await readFile(join(dir, 'terraform/images.lock.json'), 'utf8')).toBe(
        await readFile(join(ANCHOR_DIR, 'embedded-default/terraform/images.lock.json'), 'utf8'),
      );
    });

    it('passes LOG_LEVEL to the container, provisions postgreSQL: {} and uses no invented value', async () => {
      const cloudrun = await stack('cloudrun/main.tf.json');
      expect(cloudrun).toMatch(/"name": "LOG_LEVEL",\s+"value": "debug"/);
      expect(cloudrun).toContain('"google_sql_database_instance"');
      expect(cloudrun).not.toContain('"google_sql_database"');
      expect(cloudrun).not.toMatch(/"provider": \{[^}]*"cloudflare"/);
      const project = await stack('project/main.tf.json');
      expect(project).toContain('"billing_account": "${var.billing_account}"');
      expect(project).not.toContain('000000-000000-000000');
      expect(project).not.toContain('msp-terraform-state');
    });
  });

  describe('the duplicate-lists case', () => {
    const stack = async (name: string) =>
      readFile(
        join(generated.get('duplicate-lists')?.dir ?? '', 'terraform/dev/stacks', name),
        'utf8',
      );

    it('warns at each value listed twice', () => {
      const { stdout, stderr } = generated.get('duplicate-lists')?.validate ?? {
        stdout: '',
        stderr: '',
      };
      const warnings = `${stdout}\n${stderr}`
        .split('\n')
        .filter((line) => line.includes('[duplicate-item]'));
      expect(warnings).toEqual([
        'service.yaml:9:9 warning service.iam.services[1]: "bigquerydatatransfer.googleapis.com" is the same as "bigquerydatatransfer" (index 0); the duplicate is ignored. Remove it. [duplicate-item]',
        'service.yaml:12:9 warning service.iam.roles[1]: "roles/cloudprofiler.agent" is listed twice; the duplicate is ignored. Remove it. [duplicate-item]',
        'service.yaml:15:9 warning service.iam.permissions[1]: "storage.buckets.list" is listed twice; the duplicate is ignored. Remove it. [duplicate-item]',
        'service.yaml:32:13 warning environments[0].resources.postgreSQL.databases[1]: "orders" is listed twice; the duplicate is ignored. Remove it. [duplicate-item]',
        'service.yaml:36:13 warning environments[0].resources.bigQueryDataset.tables[1]: "events" is listed twice; the duplicate is ignored. Remove it. [duplicate-item]',
      ]);
    });

    it('generates each value once', async () => {
      const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
      const cloudrun = await stack('cloudrun/main.tf.json');
      expect(count(cloudrun, /"name": "orders"/g)).toBe(1);
      expect(count(cloudrun, /"table_id": "events"/g)).toBe(1);
      expect(
        count(await stack('project/main.tf.json'), /"bigquerydatatransfer.googleapis.com"/g),
      ).toBe(1);
      const iam = await stack('iam/main.tf.json');
      expect(count(iam, /"role": "roles\/cloudprofiler.agent"/g)).toBe(1);
      expect(count(iam, /"storage.buckets.list"/g)).toBe(1);
    });
  });

  const describeIfTerraform = hasTerraform ? describe : describe.skip;
  if (!hasTerraform)
    console.warn(
      'terraform validate of the anchor specs skipped: no `terraform` binary on PATH (install Terraform >= 1.11)',
    );

  describeIfTerraform('terraform validate (tf-offline)', () => {
    it('accepts every generated stack of every case', async () => {
      const stackDirs: string[] = [];
      for (const { dir } of generated.values())
        for (const path of await listFiles(join(dir, 'terraform')))
          if (path.endsWith('/main.tf.json')) stackDirs.push(join(dir, 'terraform', dirname(path)));
      expect(stackDirs.length).toBeGreaterThanOrEqual(cases.length * 4);
      const results = await mapLimited(stackDirs.sort(), 2, async (dir) =>
        (await terraformValidate(dir)).map((line) => `${dir.slice(root.length + 1)}: ${line}`),
      );
      expect(results.flat()).toEqual([]);
    }, 600_000);

    it('plans the project stack only with a billing_account of the right format', async () => {
      const project = join(
        generated.get('embedded-default')?.dir ?? '',
        'terraform/dev/stacks/project',
      );
      const unset = await terraformPlan(project);
      expect(unset.status).toBe(1);
      expect(unset.output).toContain('No value for required variable');
      const malformed = await terraformPlan(project, ['-var=billing_account=000000']);
      expect(malformed.status).toBe(1);
      expect(malformed.output).toContain('The value of billing_account must look like');
      const supplied = await terraformPlan(project, ['-var=billing_account=0A1B2C-3D4E5F-6A7B8C']);
      expect(supplied.output).not.toContain('Error');
      expect(supplied.status).toBe(0);
      expect(supplied.output).toMatch(/billing_account += "0A1B2C-3D4E5F-6A7B8C"/);
    }, 120_000);
  });
});

/** The error lines of a run's output (warnings are allowed). */
function errorLines(run: { stdout: string; stderr: string }): string[] {
  return `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /\berror\b/.test(line));
}
