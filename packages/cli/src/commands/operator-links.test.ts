import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryIo } from '../../test/support/memory-io.js';
import { serviceSpecText } from '../../test/support/spec-text.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';

/** Terraform Cloud state in the organization acme, workspaces prefixed msp. */
const TERRAFORM_CLOUD_CONFIG = [
  'state:',
  '  type: terraform-cloud',
  '  organization: acme',
  '  workspacePrefix: msp',
  '',
].join('\n');

/** Service billing (a job with `kind: job`) with the environments dev and prod. */
const billingSpec = (kind: 'service' | 'job' = 'service') => serviceSpecText({ kind });

describe('msp logs and msp tfc view', () => {
  const tempDir = useTempDir();
  /** The temp directory, with a billing spec and the Terraform Cloud platform config. */
  const spec = async (kind: 'service' | 'job' = 'service') => {
    await writeFile(join(tempDir(), 'msp.config.yaml'), TERRAFORM_CLOUD_CONFIG);
    await writeFile(join(tempDir(), 'service.yaml'), billingSpec(kind));
    return tempDir();
  };

  it('prints the Logs Explorer URL of a service environment', async () => {
    const result = await runMsp(['logs', '--env', 'prod'], {
      io: memoryIo({ cwd: await spec() }),
    });
    expect(result.code).toBe(0);
    const url = new URL(result.stdout.trim());
    expect(url.origin + url.pathname.split(';')[0]).toBe(
      'https://console.cloud.google.com/logs/query',
    );
    expect(url.searchParams.get('project')).toBe('billing-prod-9f8e');
    expect(decodeURIComponent(url.pathname.split(';query=')[1] ?? '')).toBe(
      'resource.type="cloud_run_revision"\nresource.labels.service_name="billing-prod-us-central1"\nresource.labels.location="us-central1"',
    );
  });

  it('selects cloud_run_job logs for a job', async () => {
    const result = await runMsp(['logs', '--env', 'dev', '--json'], {
      io: memoryIo({ cwd: await spec('job') }),
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      url: expect.stringContaining('project=billing-dev-1a2b'),
      query:
        'resource.type="cloud_run_job"\nresource.labels.job_name="billing-dev-us-central1"\nresource.labels.location="us-central1"',
    });
  });

  it('asks for --env when the spec has several environments', async () => {
    const result = await runMsp(['logs'], {
      io: memoryIo({ cwd: await spec() }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--env is required: billing has environments dev, prod');
  });

  it('lists the environments when the one asked for does not exist', async () => {
    const result = await runMsp(['logs', '--env', 'staging'], {
      io: memoryIo({ cwd: await spec() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('service billing has no environment "staging"');
    expect(result.stderr).toContain('Environments: dev, prod.');
  });

  it('says which file is missing', async () => {
    const result = await runMsp(['logs', 'nope/service.yaml', '--env', 'dev'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: no such file: nope/service.yaml');
  });

  it('opens the URL with $BROWSER only with --open', async () => {
    const cwd = await spec();
    const browser = join(cwd, 'browser.sh');
    const record = join(cwd, 'opened.txt');
    await writeFile(browser, `#!/bin/sh\necho "$1" > "${record}"\n`);
    await chmod(browser, 0o755);
    const env = { PATH: process.env['PATH'], BROWSER: browser };
    const printed = await runMsp(['logs', '--env', 'dev'], {
      io: memoryIo({ cwd, env }),
    });
    await expect(readFile(record, 'utf8')).rejects.toThrow();
    const opened = await runMsp(['logs', '--env', 'dev', '--open'], {
      io: memoryIo({ cwd, env }),
    });
    expect(opened.code).toBe(0);
    expect(await readFile(record, 'utf8')).toBe(printed.stdout);
  });

  it('prints the Terraform Cloud workspaces of a service, an environment, or all', async () => {
    const cwd = await spec();
    const service = await runMsp(['tfc', 'view'], { io: memoryIo({ cwd }) });
    expect(service.stdout).toBe(
      'https://app.terraform.io/app/acme/workspaces?tag=msp-service-billing\n',
    );
    const env = await runMsp(['tfc', 'view', '--env', 'prod'], {
      io: memoryIo({ cwd }),
    });
    expect(env.stdout).toBe(
      'https://app.terraform.io/app/acme/workspaces?tag=msp-env-billing-prod\n',
    );
    const all = await runMsp(['tfc', 'view', '--all', '--json'], {
      io: memoryIo({ cwd: await mkdirp(join(cwd, 'elsewhere')) }),
    });
    expect(JSON.parse(all.stdout)).toEqual({
      url: 'https://app.terraform.io/app/acme/workspaces?tag=msp',
      tag: 'msp',
    });
  });

  it('refuses tfc view when state is in GCS', async () => {
    const cwd = await spec();
    await writeFile(join(cwd, 'msp.config.yaml'), 'state:\n  type: gcs\n  bucket: acme-state\n');
    const result = await runMsp(['tfc', 'view'], { io: memoryIo({ cwd }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('hint: Set state.type to terraform-cloud');
  });
});

async function mkdirp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}
