import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startFakeTerraformCloud,
  type FakeTerraformCloud,
} from '../../test/support/fake-terraform-cloud.js';
import { generationLibrary } from '../libraries.js';
import { memoryIo } from '../../test/support/memory-io.js';
import {
  DEV,
  PROD,
  VCS_STATE,
  platformConfigText,
  serviceSpecText,
} from '../../test/support/spec-text.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';

const token = 'secret-token';

/**
 * A platform that keeps state in Terraform Cloud (organization acme, prefix msp) and runs
 * workspaces from the VCS repository acme/services; it leaves nothing to defaults, so a valid
 * spec loads without warnings.
 */
const terraformCloudPlatform = platformConfigText({
  state: VCS_STATE,
  extra: ['terraformVersion: 1.11.4'],
});

/** The same platform keeping state in a GCS bucket instead. */
const gcsPlatform = platformConfigText({
  state: ['type: gcs', 'bucket: acme-state', 'prefix: msp'],
  extra: ['terraformVersion: 1.11.4'],
});

/** Service billing with a test `dev` and an external `prod`, whose destroys `prod` may allow. */
const billingSpec = (options: { prodAllowsDestroys?: boolean } = {}) =>
  serviceSpecText({
    environments: [
      DEV,
      { ...PROD, lines: [`allowDestroys: ${options.prodAllowsDestroys === true}`] },
    ],
  });

/** Writes `services/billing/service.yaml` under `root` and the platform config beside `services/`. */
async function writeBilling(
  root: string,
  options: { platform?: string; prodAllowsDestroys?: boolean } = {},
): Promise<string> {
  const dir = join(root, 'services', 'billing');
  await mkdir(dir, { recursive: true });
  await writeFile(join(root, 'msp.config.yaml'), options.platform ?? terraformCloudPlatform);
  await writeFile(join(dir, 'service.yaml'), billingSpec(options));
  return dir;
}

/**
 * The stacks `msp generate` really writes for billing's environments (the directories under
 * terraform/<env>/stacks), in the generator's apply order.
 */
async function generatedStacks(): Promise<Record<'dev' | 'prod', string[]>> {
  const root = await mkdtemp(join(tmpdir(), 'msp-cli-stacks-'));
  try {
    const dir = await writeBilling(root);
    const generated = await runMsp(['generate', '--quiet'], { io: memoryIo({ cwd: dir }) });
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    const { STACK_NAMES } = await generationLibrary();
    const inApplyOrder = async (env: string) => {
      const found = await readdir(join(dir, 'terraform', env, 'stacks'));
      const ordered = STACK_NAMES.filter((name) => found.includes(name));
      expect(ordered).toHaveLength(found.length);
      return ordered;
    };
    return { dev: await inApplyOrder('dev'), prod: await inApplyOrder('prod') };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('msp tfc sync', () => {
  const tempDir = useTempDir();
  let tfc: FakeTerraformCloud;
  let cwd: string;
  let stacks: Record<'dev' | 'prod', string[]>;
  const workspaces = (env: 'dev' | 'prod') =>
    stacks[env].map((stack) => `msp-billing-${env}-${stack}`);

  beforeAll(async () => {
    stacks = await generatedStacks();
  });
  beforeEach(async () => {
    tfc = await startFakeTerraformCloud({ organization: 'acme', token });
    cwd = await writeBilling(tempDir());
  });
  afterEach(() => tfc.close());

  const env = () => ({ PATH: '', TFE_TOKEN: token, TFE_ADDRESS: tfc.address });
  const allowProdDestroys = () =>
    writeFile(join(cwd, 'service.yaml'), billingSpec({ prodAllowsDestroys: true }));

  it('generates a project, iam and cloudrun stack for every environment, so each gets a workspace', () => {
    for (const env of ['dev', 'prod'] as const)
      expect(stacks[env]).toEqual(expect.arrayContaining(['project', 'iam', 'cloudrun']));
  });

  it('creates the project, team access and one workspace per stack with the settings of inventory §2.9', async () => {
    const result = await runMsp(['tfc', 'sync'], { io: memoryIo({ cwd, env: env() }) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect([...tfc.projects.values()].map((p) => p.name).sort()).toEqual([
      'msp-billing-dev',
      'msp-billing-prod',
    ]);
    expect([...tfc.workspaces.keys()].sort()).toEqual(
      [...workspaces('dev'), ...workspaces('prod')].sort(),
    );
    const ws = tfc.workspaces.get('msp-billing-dev-iam');
    expect(ws?.attributes).toEqual({
      name: 'msp-billing-dev-iam',
      'execution-mode': 'remote',
      'terraform-version': '1.11.4',
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
    expect(result.stdout).toBe(
      [...workspaces('dev'), ...workspaces('prod')]
        .map((name) => `created    https://app.terraform.io/app/acme/workspaces/${name}\n`)
        .join(''),
    );
  });

  it('updates on a second run, keeps tags added by hand, and fixes changed team access', async () => {
    await runMsp(['tfc', 'sync', '--env', 'dev'], { io: memoryIo({ cwd, env: env() }) });
    const ws = tfc.workspaces.get('msp-billing-dev-project');
    ws?.tags.add('hand-made');
    if (ws !== undefined) ws.attributes['auto-apply'] = false;
    for (const tp of tfc.teamProjects.values()) tp.access = 'read';
    const result = await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
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
    await runMsp(['tfc', 'sync', '--env', 'dev'], { io: memoryIo({ cwd, env: env() }) });
    const before = tfc.requests.length;
    const result = await runMsp(['tfc', 'sync', '--env', 'dev'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.code).toBe(0);
    const writes = tfc.requests.slice(before).filter((r) => !r.startsWith('GET'));
    expect(writes).toEqual([]);
    expect(result.stdout).toBe(
      workspaces('dev')
        .map((name) => `unchanged  https://app.terraform.io/app/acme/workspaces/${name}\n`)
        .join(''),
    );
  });

  it('removes the VCS connection in cli run mode', async () => {
    await runMsp(['tfc', 'sync', '--env', 'dev'], { io: memoryIo({ cwd, env: env() }) });
    const result = await runMsp(['tfc', 'sync', '--env', 'dev', '--run-mode', 'cli'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.code).toBe(0);
    for (const name of workspaces('dev'))
      expect(tfc.workspaces.get(name)?.attributes['vcs-repo']).toBeNull();
  });

  it('refuses to create workspaces in ignore run mode', async () => {
    const result = await runMsp(['tfc', 'sync', '--env', 'dev', '--run-mode', 'ignore'], {
      io: memoryIo({ cwd, env: env() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('run mode "ignore" cannot create workspaces');
  });

  it('explains a missing token without calling the API', async () => {
    const result = await runMsp(['tfc', 'sync'], {
      io: memoryIo({ cwd, env: { PATH: '', TFE_ADDRESS: tfc.address } }),
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
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect([...tfc.workspaces.keys()]).toEqual(workspaces('dev'));
  });

  it("reports an API error with Terraform Cloud's explanation", async () => {
    const result = await runMsp(['tfc', 'sync'], {
      io: memoryIo({ cwd, env: { ...env(), TFE_TOKEN: 'wrong' } }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('returned 401: unauthorized');
    expect(result.stderr).toContain('hint: Check that the token is valid');
  });

  it('fails clearly when the platform keeps state in GCS', async () => {
    await writeFile(join(tempDir(), 'msp.config.yaml'), gcsPlatform);
    const result = await runMsp(['tfc', 'sync'], { io: memoryIo({ cwd, env: env() }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: the platform config keeps Terraform state in gcs, not Terraform Cloud',
    );
    expect(tfc.requests).toEqual([]);
  });

  describe('--delete', () => {
    it('is refused when the environment does not allow destroys, and deletes nothing', async () => {
      await runMsp(['tfc', 'sync', '--env', 'prod'], { io: memoryIo({ cwd, env: env() }) });
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete', '--yes'], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('environment prod does not allow destroys');
      expect([...tfc.workspaces.keys()]).toEqual(workspaces('prod'));
      expect(tfc.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    });

    it('needs --yes without a terminal', async () => {
      await allowProdDestroys();
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete'], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--delete needs confirmation');
      expect(tfc.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    });

    it('needs --env', async () => {
      await allowProdDestroys();
      const result = await runMsp(['tfc', 'sync', '--delete', '--yes'], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--delete needs --env');
      expect(tfc.requests).toEqual([]);
    });

    it('deletes the workspaces in reverse stack order, then the project, when allowed', async () => {
      await allowProdDestroys();
      await runMsp(['tfc', 'sync'], { io: memoryIo({ cwd, env: env() }) });
      tfc.requests.length = 0;
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete', '--yes'], {
        io: memoryIo({ cwd, env: env() }),
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(tfc.requests.filter((r) => r.startsWith('DELETE'))).toEqual([
        ...workspaces('prod')
          .reverse()
          .map((name) => `DELETE /api/v2/organizations/acme/workspaces/${name}`),
        expect.stringMatching(/^DELETE \/api\/v2\/projects\/prj-/),
      ]);
      expect([...tfc.workspaces.keys()]).toEqual(workspaces('dev'));
      expect([...tfc.projects.values()].map((p) => p.name)).toEqual(['msp-billing-dev']);
    });

    it('asks on a terminal and deletes nothing when the answer is no', async () => {
      await allowProdDestroys();
      await runMsp(['tfc', 'sync', '--env', 'prod'], { io: memoryIo({ cwd, env: env() }) });
      const io = memoryIo({ cwd, env: env(), tty: true, input: ['n'] });
      const result = await runMsp(['tfc', 'sync', '--env', 'prod', '--delete'], { io });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        `Delete the Terraform Cloud workspaces ${workspaces('prod').join(', ')} and their project?`,
      );
      expect(result.stdout).toContain('[y/N]');
      expect([...tfc.workspaces.keys()]).toEqual(workspaces('prod'));
      expect(tfc.requests.filter((r) => r.startsWith('DELETE'))).toEqual([]);
    });
  });
});
