import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  startFakeTerraformCloud,
  type FakeTerraformCloud,
} from '../support/fake-terraform-cloud.js';
import { memoryIo } from '../support/memory-io.js';
import { EXAMPLE_SPECS, repoRoot } from '../support/repository.js';
import { runMsp } from '../support/run-msp.js';

/**
 * One owner per Terraform Cloud object (docs/concepts/architecture.md):
 * `msp tfc sync` creates projects, team access, workspaces and their
 * settings and tags; the generated stacks may only read those, and own the
 * notifications and run triggers hung off them.
 */
const ownedBySync: Readonly<Record<string, readonly string[]>> = {
  projects: ['tfe_project'],
  'team-projects': ['tfe_team_project'],
  workspaces: ['tfe_workspace', 'tfe_workspace_settings', 'tfe_workspace_variable_set'],
  tags: ['tfe_tag', 'tfe_workspace_tag'],
};

interface StackDocument {
  resource?: Record<string, Record<string, unknown>>;
  data?: Record<string, Record<string, { name?: string; organization?: string }>>;
}

async function exampleStacks(): Promise<{ path: string; doc: StackDocument }[]> {
  const stacks: { path: string; doc: StackDocument }[] = [];
  for (const spec of EXAMPLE_SPECS) {
    const terraform = join(repoRoot, spec, '..', 'terraform');
    for (const env of await readdir(terraform)) {
      if (env.startsWith('.')) continue;
      for (const stack of await readdir(join(terraform, env, 'stacks'))) {
        const path = join(terraform, env, 'stacks', stack, 'main.tf.json');
        stacks.push({ path, doc: JSON.parse(await readFile(path, 'utf8')) as StackDocument });
      }
    }
  }
  return stacks;
}

describe('ownership of Terraform Cloud objects in the example', () => {
  const token = 'team-token';
  let tfc: FakeTerraformCloud;
  beforeAll(async () => {
    tfc = await startFakeTerraformCloud({ organization: 'example-corp', token });
  });
  afterAll(() => tfc.close());

  const sync = async () =>
    runMsp(['tfc', 'sync', ...EXAMPLE_SPECS, '--all', '--yes', '--json'], {
      io: memoryIo({
        cwd: repoRoot,
        env: { PATH: '', TFE_TOKEN: token, TFE_ADDRESS: tfc.address },
      }),
    });

  it('gives every object one owner: what the sync creates, no stack declares, and what stacks read, the sync created', async () => {
    const first = await sync();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(tfc.workspaces.size).toBeGreaterThan(0);

    const createdKinds = new Set(
      tfc.requests
        .filter((r) => r.startsWith('POST '))
        .map((r) => {
          const path = r.slice('POST '.length).replace(/^\/api\/v2\//, '');
          const last = path.split('/').at(-1) ?? '';
          return last;
        }),
    );
    for (const kind of createdKinds) expect(Object.keys(ownedBySync)).toContain(kind);

    const forbidden = new Set([...createdKinds].flatMap((kind) => ownedBySync[kind] ?? []));
    const stacks = await exampleStacks();
    const doubleOwned = stacks.flatMap(({ path, doc }) =>
      Object.keys(doc.resource ?? {})
        .filter((type) => forbidden.has(type))
        .map((type) => `${path}: resource ${type}`),
    );
    expect(doubleOwned).toEqual([]);

    const projectNames = new Set([...tfc.projects.values()].map((p) => p.name));
    const missing: string[] = [];
    let reads = 0;
    for (const { path, doc } of stacks) {
      for (const [name, body] of Object.entries(doc.data?.['tfe_workspace'] ?? {})) {
        reads++;
        if (body.organization !== 'example-corp' || !tfc.workspaces.has(body.name ?? ''))
          missing.push(`${path}: data.tfe_workspace.${name} (${body.name})`);
      }
      for (const [name, body] of Object.entries(doc.data?.['tfe_project'] ?? {})) {
        reads++;
        if (!projectNames.has(body.name ?? ''))
          missing.push(`${path}: data.tfe_project.${name} (${body.name})`);
      }
    }
    expect(missing).toEqual([]);
    expect(reads).toBeGreaterThan(0);
  });

  it('changes nothing on a second sync', async () => {
    const before = tfc.requests.length;
    const second = await sync();
    expect(second.code).toBe(0);
    expect(tfc.requests.slice(before).filter((r) => !r.startsWith('GET '))).toEqual([]);
    const rows = (JSON.parse(second.stdout) as { workspaces: { action: string }[] }).workspaces;
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['unchanged']));
  });
});
