import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryIo } from '../support/memory-io.js';
import { EXAMPLE_SPECS, repoRoot } from '../support/repository.js';
import { runMsp } from '../support/run-msp.js';
import { useTempDir } from '../support/temp-dir.js';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import {
  hasTerraform,
  mapLimited,
  terraformPlanMany,
  terraformValidate,
} from '../../../../tools/testing/tf-offline.js';

/**
 * The example's Terraform is committed: this fails (as `cli:generate-check`
 * does in CI) when it is stale. Fix with `npx nx run cli:generate` and commit.
 */
describe('the committed Terraform of the example service', () => {
  const tempDir = useTempDir();

  it('is what msp generates from the example specs now', async () => {
    const result = await runMsp(['generate', '--check', ...EXAMPLE_SPECS], {
      io: memoryIo({ cwd: repoRoot }),
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('msp-example (apps/msp-example/service.yaml): up to date');
    expect(result.stdout).toContain(
      'msp-example-job (apps/msp-example/job/service.yaml): up to date',
    );
    expect(result.code).toBe(0);
  });

  (hasTerraform ? it : it.skip)(
    'passes terraform validate in every production stack',
    async () => {
      const dirs = ['apps/msp-example', 'apps/msp-example/job'].flatMap((app) =>
        ['project', 'iam', 'cloudrun'].map((stack) =>
          join(repoRoot, app, 'terraform', 'prod', 'stacks', stack),
        ),
      );
      const results = await mapLimited(dirs, 2, async (dir) =>
        (await terraformValidate(dir)).map((line) => `${dir}: ${line}`),
      );
      expect(results.flat()).toEqual([]);
    },
    120_000,
  );

  (hasTerraform ? it : it.skip)(
    'plans clean offline in every environment and stack (empty state, one Terraform run)',
    async () => {
      const stacks = (
        await Promise.all(
          ['apps/msp-example', 'apps/msp-example/job'].map(async (app) => {
            const envs = await readdir(join(repoRoot, app, 'terraform'));
            return (
              await Promise.all(
                envs.map(async (env) =>
                  (await readdir(join(repoRoot, app, 'terraform', env, 'stacks'))).map((stack) => ({
                    name: `${app}/terraform/${env}/stacks/${stack}`,
                    dir: join(repoRoot, app, 'terraform', env, 'stacks', stack),
                  })),
                ),
              )
            ).flat();
          }),
        )
      ).flat();
      expect(stacks.length).toBeGreaterThanOrEqual(10);
      const work = await mkdtemp(join(tmpdir(), 'msp-example-plan-'));
      try {
        expect(await terraformPlanMany(stacks, work)).toEqual([]);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    300_000,
  );

  it('is reported stale, file by file, after a spec change, and generate then brings it up to date', async () => {
    const root = await copyExample(tempDir());
    const spec = join(root, 'msp-example', 'service.yaml');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replaceAll("ITEM_TTL_HOURS: '24'", "ITEM_TTL_HOURS: '48'"),
    );
    const run = (args: string[]) =>
      runMsp(['generate', ...args, 'msp-example/service.yaml'], {
        io: memoryIo({ cwd: root }),
      });

    const check = await run(['--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(
      'would update msp-example/terraform/test/stacks/cloudrun/main.tf.json',
    );
    expect(check.stdout).toContain(
      'would update msp-example/terraform/prod/stacks/cloudrun/main.tf.json',
    );
    expect(check.stdout).not.toContain('stacks/project');
    expect(check.stderr).toContain('generated Terraform is stale for msp-example');

    expect((await run([])).code).toBe(0);
    const cloudrun = await readFile(
      join(root, 'msp-example/terraform/prod/stacks/cloudrun/main.tf.json'),
      'utf8',
    );
    expect(cloudrun).toContain('"value": "48"');
    expect((await run(['--check'])).code).toBe(0);
  });

  it('diff flags the Cloud SQL instance that removing postgreSQL from prod would destroy', async () => {
    const root = await copyExample(tempDir());
    const spec = join(root, 'msp-example', 'service.yaml');
    const text = await readFile(spec, 'utf8');
    const prodPostgres = text.indexOf('      postgreSQL:', text.indexOf('- id: prod'));
    const end = text.indexOf('      bigQueryDataset:', prodPostgres);
    await writeFile(spec, text.slice(0, prodPostgres) + text.slice(end));
    const result = await runMsp(['diff', 'msp-example/service.yaml', '--env', 'prod'], {
      io: memoryIo({ cwd: root }),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  - google_sql_database_instance.postgresql\n');
    expect(result.stdout).toContain('WARNING: applying this would destroy 5 stateful resources');
    expect(result.stdout).toContain(
      'prod/cloudrun google_sql_database_instance.postgresql: Cloud SQL instance destroyed',
    );
  });
});

/** A copy of the example service and the repository's platform config under `dir`. */
async function copyExample(dir: string): Promise<string> {
  await cp(join(repoRoot, 'apps', 'msp-example'), join(dir, 'msp-example'), {
    recursive: true,
    filter: (source) => !source.includes('node_modules'),
  });
  await cp(join(repoRoot, 'apps/msp-example/msp.config.yaml'), join(dir, 'msp.config.yaml'));
  return dir;
}
