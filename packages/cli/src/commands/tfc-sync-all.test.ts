import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fakeDeps } from '../../test/support/fake-deps.js';
import {
  startFakeTerraformCloud,
  type FakeTerraformCloud,
} from '../../test/support/fake-terraform-cloud.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { resolvedEnvironment, resolvedSpec } from '../../test/support/resolved-fixture.js';
import { runMsp } from '../../test/support/run-msp.js';
import { stackFiles } from '../../test/support/stack-files.js';
import { useTempDir } from '../../test/support/temp-dir.js';
import type { MspDeps } from '../deps.js';
import type { ResolvedSpec } from '@msp/spec';

const token = 'secret-token';

/** Two services, each with a test `dev` and an external `prod`. */
function service(id: string): ResolvedSpec {
  const base = resolvedSpec();
  return {
    ...base,
    service: { ...base.service, id },
    environments: [
      resolvedEnvironment({ projectID: `${id}-dev-1a2b` }),
      resolvedEnvironment({ id: 'prod', projectID: `${id}-prod-9f8e`, category: 'external' }),
    ],
  };
}

/** Fake libraries that resolve each spec to the service named by its directory. */
function multiServiceDeps(): MspDeps {
  const specs = new Map([
    ['billing', service('billing')],
    ['search', service('search')],
  ]);
  const base = fakeDeps({ files: (ids) => stackFiles(ids) });
  return fakeDeps({
    files: (ids) => stackFiles(ids),
    overrides: {
      async loadSpec(path, platform) {
        const loaded = await base.loadSpec(path, platform);
        const id = basename(dirname(path));
        return loaded.spec === undefined
          ? loaded
          : { ...loaded, spec: { ...loaded.spec, service: { ...loaded.spec.service, id } } };
      },
      resolveSpec(spec) {
        const found = specs.get(spec.service.id);
        if (found === undefined) throw new Error(`no fixture for ${spec.service.id}`);
        return found;
      },
    },
  });
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

  beforeEach(async () => {
    tfc = await startFakeTerraformCloud({ organization: 'acme', token });
    cwd = tempDir();
    for (const id of ['billing', 'search']) {
      await mkdir(join(cwd, 'services', id), { recursive: true });
      await writeFile(join(cwd, 'services', id, 'service.yaml'), `service: {id: ${id}}\n`);
    }
  });
  afterEach(() => tfc.close());

  const env = () => ({ PATH: '', TFE_TOKEN: token, TFE_ADDRESS: tfc.address });
  const run = (argv: string[], io = memoryIo({ cwd, env: env() })) =>
    runMsp(['tfc', 'sync', ...argv], { io, deps: multiServiceDeps() });

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
    expect(tfc.workspaces.size).toBe(12);
    expect(tfc.workspaces.get('msp-search-prod-iam')?.attributes['working-directory']).toBe(
      'services/search/terraform/prod/stacks/iam',
    );
    expect(result.stdout).toContain(
      'created    https://app.terraform.io/app/acme/workspaces/msp-search-prod-cloudrun\n',
    );
  });

  it('syncs only one category and reports each workspace as JSON, created then unchanged', async () => {
    const first = await run(['--all', '--category', 'test', '--yes', '--json']);
    expect(first.code).toBe(0);
    const rows = (JSON.parse(first.stdout) as { workspaces: JsonRow[] }).workspaces;
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({
      service: 'billing',
      environment: 'dev',
      name: 'msp-billing-dev-project',
      url: 'https://app.terraform.io/app/acme/workspaces/msp-billing-dev-project',
      action: 'created',
    });
    expect(new Set(rows.map((r) => `${r.service}/${r.environment}/${r.action}`))).toEqual(
      new Set(['billing/dev/created', 'search/dev/created']),
    );
    expect([...tfc.projects.values()].map((p) => p.name).sort()).toEqual([
      'msp-billing-dev',
      'msp-search-dev',
    ]);
    const second = await run(['--all', '--category', 'test', '--yes', '--json']);
    const again = (JSON.parse(second.stdout) as { workspaces: JsonRow[] }).workspaces;
    expect(again.map((r) => r.action)).toEqual(Array(6).fill('unchanged'));
  });

  it('syncs only the files given', async () => {
    const result = await run(['--all', '--yes', 'services/search/service.yaml']);
    expect(result.code).toBe(0);
    expect([...tfc.workspaces.keys()].every((name) => name.startsWith('msp-search-'))).toBe(true);
    expect(tfc.workspaces.size).toBe(6);
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
    expect(tfc.workspaces.size).toBe(12);
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
    expect(rows.map((r) => r.name)).toEqual([
      'msp-billing-dev-project',
      'msp-billing-dev-iam',
      'msp-billing-dev-cloudrun',
    ]);
  });
});
