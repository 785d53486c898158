import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startFakeTerraformCloud,
  type FakeTerraformCloud,
} from '../../test/support/fake-terraform-cloud.js';
import { generationLibrary } from '../libraries.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { VCS_STATE, platformConfigText, serviceSpecText } from '../../test/support/spec-text.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';

const token = 'secret-token';
const services = ['billing', 'search'] as const;
type Service = (typeof services)[number];
type Environment = 'dev' | 'prod';

/**
 * A platform that keeps state in Terraform Cloud (organization acme, prefix msp) and runs
 * workspaces from the VCS repository acme/services; it leaves nothing to defaults, so valid
 * specs load without warnings.
 */
const platformConfig = platformConfigText({ state: VCS_STATE });

/** A service with a test `dev` and an external `prod`. */
const serviceSpec = (id: Service) =>
  serviceSpecText({ id, owners: 'team-platform', description: `The ${id} service.` });

/** Writes `services/<id>/service.yaml` of both services under `root`, the platform config at `root`. */
async function writeServices(root: string): Promise<void> {
  await writeFile(join(root, 'msp.config.yaml'), platformConfig);
  for (const id of services) {
    await mkdir(join(root, 'services', id), { recursive: true });
    await writeFile(join(root, 'services', id, 'service.yaml'), serviceSpec(id));
  }
}

/**
 * The workspace names of each service's environments: one per stack `msp generate` really
 * writes (the directories under terraform/<env>/stacks), in the generator's apply order.
 */
async function generatedWorkspaces(): Promise<
  Record<Service, Record<Environment, readonly string[]>>
> {
  const root = await mkdtemp(join(tmpdir(), 'msp-cli-stacks-'));
  try {
    await writeServices(root);
    const generated = await runMsp(['generate', '--quiet'], { io: memoryIo({ cwd: root }) });
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    const { STACK_NAMES } = await generationLibrary();
    const names = async (id: Service, env: Environment) => {
      const found = await readdir(join(root, 'services', id, 'terraform', env, 'stacks'));
      const ordered = STACK_NAMES.filter((stack) => found.includes(stack));
      expect(ordered).toHaveLength(found.length);
      return ordered.map((stack) => `msp-${id}-${env}-${stack}`);
    };
    return {
      billing: { dev: await names('billing', 'dev'), prod: await names('billing', 'prod') },
      search: { dev: await names('search', 'dev'), prod: await names('search', 'prod') },
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

interface JsonRow {
  service: string;
  environment: string;
  name: string;
  url: string;
  action: string;
}

describe('msp tfc sync --all', () => {
  const tempDir = useTempDir();
  let tfc: FakeTerraformCloud;
  let cwd: string;
  let workspaces: Record<Service, Record<Environment, readonly string[]>>;
  const every = (envs: readonly Environment[] = ['dev', 'prod']) =>
    services.flatMap((id) => envs.flatMap((env) => workspaces[id][env]));

  beforeAll(async () => {
    workspaces = await generatedWorkspaces();
  });
  beforeEach(async () => {
    tfc = await startFakeTerraformCloud({ organization: 'acme', token });
    cwd = tempDir();
    await writeServices(cwd);
  });
  afterEach(() => tfc.close());

  const env = () => ({ PATH: '', TFE_TOKEN: token, TFE_ADDRESS: tfc.address });
  const run = (argv: string[], io = memoryIo({ cwd, env: env() })) =>
    runMsp(['tfc', 'sync', ...argv], { io });

  it('generates an iam and cloudrun stack for every environment, so each gets a workspace', () => {
    for (const id of services)
      for (const env of ['dev', 'prod'] as const)
        expect(workspaces[id][env]).toEqual(
          expect.arrayContaining([`msp-${id}-${env}-iam`, `msp-${id}-${env}-cloudrun`]),
        );
  });

  it('syncs every environment of every spec under the current directory with --yes', async () => {
    const result = await run(['--all', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect([...tfc.projects.values()].map((p) => p.name).sort()).toEqual([
      'msp-billing-dev',
      'msp-billing-prod',
      'msp-search-dev',
      'msp-search-prod',
    ]);
    expect([...tfc.workspaces.keys()]).toEqual(every());
    expect(tfc.workspaces.get('msp-search-prod-iam')?.attributes['working-directory']).toBe(
      'services/search/terraform/prod/stacks/iam',
    );
    expect(result.stdout).toBe(
      every()
        .map((name) => `created    https://app.terraform.io/app/acme/workspaces/${name}\n`)
        .join(''),
    );
  });

  it('syncs only one category and reports each workspace as JSON, created then unchanged', async () => {
    const first = await run(['--all', '--category', 'test', '--yes', '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const rows = (JSON.parse(first.stdout) as { workspaces: JsonRow[] }).workspaces;
    expect(rows).toEqual(
      services.flatMap((id) =>
        workspaces[id].dev.map((name) => ({
          service: id,
          environment: 'dev',
          name,
          url: `https://app.terraform.io/app/acme/workspaces/${name}`,
          action: 'created',
        })),
      ),
    );
    expect([...tfc.projects.values()].map((p) => p.name).sort()).toEqual([
      'msp-billing-dev',
      'msp-search-dev',
    ]);
    const second = await run(['--all', '--category', 'test', '--yes', '--json']);
    const again = (JSON.parse(second.stdout) as { workspaces: JsonRow[] }).workspaces;
    expect(again.map((r) => [r.name, r.action])).toEqual(
      every(['dev']).map((name) => [name, 'unchanged']),
    );
  });

  it('syncs only the files given', async () => {
    const result = await run(['--all', '--yes', 'services/search/service.yaml']);
    expect(result.code).toBe(0);
    expect([...tfc.workspaces.keys()]).toEqual([
      ...workspaces.search.dev,
      ...workspaces.search.prod,
    ]);
  });

  it('needs --yes without a terminal, and calls nothing', async () => {
    const result = await run(['--all']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--all needs confirmation: run it in a terminal or add --yes');
    expect(tfc.requests).toEqual([]);
  });

  it('asks on a terminal, naming the services and the run mode', async () => {
    const no = await run(
      ['--all', '--run-mode', 'cli'],
      memoryIo({ cwd, env: env(), tty: true, input: ['n'] }),
    );
    expect(no.code).toBe(1);
    expect(no.stdout).toContain(
      'Sync the Terraform Cloud workspaces of 4 environment(s) of billing, search? Every workspace is set to run mode cli [y/N]',
    );
    expect(no.stderr).toContain('nothing synced');
    expect(tfc.requests).toEqual([]);

    const yes = await run(['--all'], memoryIo({ cwd, env: env(), tty: true, input: ['y'] }));
    expect(yes.code).toBe(0);
    expect([...tfc.workspaces.keys()]).toEqual(every());
  });

  it('fails clearly when no environment has the category', async () => {
    const result = await run(['--all', '--category', 'internal', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no internal environment in 2 spec(s)');
    expect(tfc.requests).toEqual([]);
  });

  it.each([
    [['--all', '--delete', '--yes'], '--delete cannot be used with --all'],
    [['--all', '--env', 'dev', '--yes'], '--env cannot be used with --all'],
    [['--category', 'test'], '--category needs --all'],
    [['--all', '--category', 'prod'], '--category must be one of test, internal, external'],
    [['services/billing/service.yaml', 'services/search/service.yaml'], 'several specs need --all'],
  ])('refuses %j as a usage error', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(tfc.requests).toEqual([]);
  });

  it('prints JSON for one service without --all', async () => {
    const result = await run(
      ['--env', 'dev', '--json'],
      memoryIo({ cwd: join(cwd, 'services', 'billing'), env: env() }),
    );
    expect(result.code).toBe(0);
    const rows = (JSON.parse(result.stdout) as { workspaces: JsonRow[] }).workspaces;
    expect(rows.map((r) => r.name)).toEqual(workspaces.billing.dev);
  });
});
