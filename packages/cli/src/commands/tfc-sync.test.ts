import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeDeps } from '../../test/support/fake-deps.js';
import {
  startFakeTerraformCloud,
  type FakeTerraformCloud,
} from '../../test/support/fake-terraform-cloud.js';
import { memoryIo } from '../../test/support/memory-io.js';
import {
  platformConfig,
  resolvedEnvironment,
  resolvedSpec,
} from '../../test/support/resolved-fixture.js';
import { runMsp } from '../../test/support/run-msp.js';
import { stackFiles } from '../../test/support/stack-files.js';
import { useTempDir } from '../../test/support/temp-dir.js';
import type { PlatformConfig } from '@msp/spec';

const token = 'secret-token';

describe('msp tfc sync', () => {
  const tempDir = useTempDir();
  let tfc: FakeTerraformCloud;
  let cwd: string;

  beforeEach(async () => {
    tfc = await startFakeTerraformCloud({ organization: 'acme', token });
    cwd = join(tempDir(), 'services', 'billing');
    await mkdir(cwd, { recursive: true });
    await writeFile(join(cwd, 'service.yaml'), 'service: {id: billing}\n');
  });
  afterEach(() => tfc.close());

  const env = () => ({ PATH: '', TFE_TOKEN: token, TFE_ADDRESS: tfc.address });
  const deps = (options: { platform?: PlatformConfig; allowDestroys?: boolean } = {}) =>
    fakeDeps({
      files: (ids) => stackFiles(ids),
      ...(options.platform === undefined ? {} : { platform: options.platform }),
      resolved: resolvedSpec({
        environments: [
          resolvedEnvironment(),
          resolvedEnvironment({
            id: 'prod',
            projectID: 'billing-prod-9f8e',
            allowDestroys: options.allowDestroys ?? false,
          }),
        ],
      }),
    });

  it('creates the project, team access and one workspace per stack with the settings of inventory §2.9', async () => {
    const result = await runMsp(['tfc', 'sync'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect([...tfc.projects.values()].map((p) => p.name).sort()).toEqual([
      'msp-billing-dev',
      'msp-billing-prod',
    ]);
    expect([...tfc.workspaces.keys()].sort()).toEqual([
      'msp-billing-dev-cloudrun',
      'msp-billing-dev-iam',
      'msp-billing-dev-project',
      'msp-billing-prod-cloudrun',
      'msp-billing-prod-iam',
      'msp-billing-prod-project',
    ]);
    const ws = tfc.workspaces.get('msp-billing-dev-iam');
    expect(ws?.attributes).toEqual({
      name: 'msp-billing-dev-iam',
      'execution-mode': 'remote',
      'terraform-version': '1.9.8',
      'auto-apply': true,
      'global-remote-state': true,
      'allow-destroy-plan': false,
      'working-directory': 'services/billing/terraform/dev/stacks/iam',
      'trigger-prefixes': ['services/billing/terraform/dev/stacks/iam'],
      'vcs-repo': { identifier: 'acme/services', branch: 'main', 'oauth-token-id': 'ot-abc123' },
    });
    expect([...(ws?.tags ?? [])].sort()).toEqual([
      'msp',
      'msp-env-billing-dev',
      'msp-service-billing',
    ]);
    const devProject = [...tfc.projects.values()].find((p) => p.name === 'msp-billing-dev');
    expect(ws?.projectID).toBe(devProject?.id);
    expect([...tfc.teamProjects.values()].filter((tp) => tp.projectID === devProject?.id)).toEqual([
      expect.objectContaining({ teamID: 'team-ops', access: 'write' }),
    ]);
    expect(result.stdout).toContain(
      'created    https://app.terraform.io/app/acme/workspaces/msp-billing-dev-project\n',
    );
  });

  it('updates on a second run, keeps tags added by hand, and fixes changed team access', async () => {
    await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    const ws = tfc.workspaces.get('msp-billing-dev-project');
    ws?.tags.add('hand-made');
    if (ws !== undefined) ws.attributes['auto-apply'] = false;
    for (const tp of tfc.teamProjects.values()) tp.access = 'read';
    const result = await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'updated    https://app.terraform.io/app/acme/workspaces/msp-billing-dev-project\n',
    );
    expect(result.stdout).not.toContain('created');
    expect(tfc.projects.size).toBe(1);
    expect(ws?.attributes['auto-apply']).toBe(true);
    expect(ws?.tags.has('hand-made')).toBe(true);
    expect([...tfc.teamProjects.values()].map((tp) => tp.access)).toEqual(['write']);
    expect(tfc.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
  });

  it('changes nothing on a second run when nothing changed, and says so', async () => {
    await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    const before = tfc.requests.length;
    const result = await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    expect(result.code).toBe(0);
    const writes = tfc.requests.slice(before).filter((r) => !r.startsWith('GET'));
    expect(writes).toEqual([]);
    expect(result.stdout).toContain(
      'unchanged  https://app.terraform.io/app/acme/workspaces/msp-billing-dev-iam\n',
    );
    expect(result.stdout).not.toMatch(/created|updated/);
  });

  it('removes the VCS connection in cli run mode', async () => {
    await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    const result = await runMsp(['tfc', 'sync', '--env', 'dev', '--run-mode', 'cli'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    expect(result.code).toBe(0);
    expect(tfc.workspaces.get('msp-billing-dev-cloudrun')?.attributes['vcs-repo']).toBeNull();
  });

  it('refuses to create workspaces in ignore run mode', async () => {
    const result = await runMsp(['tfc', 'sync', '--env', 'dev', '--run-mode', 'ignore'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('run mode "ignore" cannot create workspaces');
  });

  it('explains a missing token without calling the API', async () => {
    const result = await runMsp(['tfc', 'sync'], {
      io: memoryIo({ cwd, env: { PATH: '', TFE_ADDRESS: tfc.address } }),
      deps: deps(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'no Terraform Cloud token: set TFE_TOKEN or TF_TOKEN_app_terraform_io',
    );
    expect(tfc.requests).toEqual([]);
  });

  it('reads the token from TF_TOKEN_<host>', async () => {
    const result = await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({
        cwd,
        env: { PATH: '', TF_TOKEN_app_terraform_io: token, TFE_ADDRESS: tfc.address },
      }),
      deps: deps(),
    });
    expect(result.code).toBe(0);
  });

  it("reports an API error with Terraform Cloud's explanation", async () => {
    const result = await runMsp(['tfc', 'sync'], {
      io: memoryIo({ cwd, env: { ...env(), TFE_TOKEN: 'wrong' } }),
      deps: deps(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('returned 401: unauthorized');
    expect(result.stderr).toContain('hint: Check that the token is valid');
  });

  it('fails clearly when the platform keeps state in GCS', async () => {
    const platform = platformConfig({ state: { type: 'gcs', bucket: 'b', prefix: 'msp' } });
    const result = await runMsp(['tfc', 'sync'], {
      io: memoryIo({ cwd, env: env() }),
      deps: deps({ platform }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('keeps Terraform state in gcs, not Terraform Cloud');
  });

  describe('--delete', () => {
    it('is refused when the environment does not allow destroys, and deletes nothing', async () => {
      await runMsp(['tfc', 'sync', '--env', 'prod'], {
        io: memoryIo({ cwd, env: env() }),
        deps: deps(),
      });
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete', '--yes'], {
        io: memoryIo({ cwd, env: env() }),
        deps: deps(),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('environment prod does not allow destroys');
      expect(tfc.workspaces.size).toBe(3);
      expect(tfc.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    });

    it('needs --yes without a terminal', async () => {
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete'], {
        io: memoryIo({ cwd, env: env() }),
        deps: deps({ allowDestroys: true }),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--delete needs confirmation');
    });

    it('needs --env', async () => {
      const result = await runMsp(['tfc', 'sync', '--delete', '--yes'], {
        io: memoryIo({ cwd, env: env() }),
        deps: deps({ allowDestroys: true }),
      });
      expect(result.code).toBe(2);
    });

    it('deletes the workspaces in reverse stack order, then the project, when allowed', async () => {
      await runMsp(['tfc', 'sync'], {
        io: memoryIo({ cwd, env: env() }),
        deps: deps({ allowDestroys: true }),
      });
      tfc.requests.length = 0;
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete', '--yes'], {
        io: memoryIo({ cwd, env: env() }),
        deps: deps({ allowDestroys: true }),
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(tfc.requests.filter((r) => r.startsWith('DELETE'))).toEqual([
        'DELETE /api/v2/organizations/acme/workspaces/msp-billing-prod-cloudrun',
        'DELETE /api/v2/organizations/acme/workspaces/msp-billing-prod-iam',
        'DELETE /api/v2/organizations/acme/workspaces/msp-billing-prod-project',
        expect.stringMatching(/^DELETE \/api\/v2\/projects\/prj-/),
      ]);
      expect([...tfc.workspaces.keys()].every((name) => name.startsWith('msp-billing-dev-'))).toBe(
        true,
      );
      expect([...tfc.projects.values()].map((p) => p.name)).toEqual(['msp-billing-dev']);
    });

    it('asks on a terminal and deletes nothing when the answer is no', async () => {
      await runMsp(['tfc', 'sync', '--env', 'prod'], {
        io: memoryIo({ cwd, env: env() }),
        deps: deps({ allowDestroys: true }),
      });
      const io = memoryIo({ cwd, env: env(), tty: true, input: ['n'] });
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete'], {
        io,
        deps: deps({ allowDestroys: true }),
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('[y/N]');
      expect(tfc.workspaces.size).toBe(3);
    });
  });
});
