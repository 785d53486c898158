import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefaultDeps } from '../../src/wire-deps.js';
import { memoryIo } from '../support/memory-io.js';
import { EXAMPLE_SPECS, repoRoot } from '../support/repository.js';
import { runMsp } from '../support/run-msp.js';
import { useTempDir } from '../support/temp-dir.js';

/**
 * The example's Terraform is committed: this fails (as `cli:generate-check`
 * does in CI) when it is stale. Fix with `npx nx run cli:generate` and commit.
 */
describe('the committed Terraform of the example service', () => {
  const tempDir = useTempDir();

  it('is what msp generates from the example specs now', async () => {
    const result = await runMsp(['generate', '--check', ...EXAMPLE_SPECS], {
      io: memoryIo({ cwd: repoRoot }),
      deps: await loadDefaultDeps(),
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('msp-example (apps/msp-example/service.yaml): up to date');
    expect(result.stdout).toContain(
      'msp-example-job (apps/msp-example/job/service.yaml): up to date',
    );
    expect(result.code).toBe(0);
  });

  it('is reported stale, file by file, after a spec change, and generate then brings it up to date', async () => {
    const root = tempDir();
    await cp(join(repoRoot, 'apps', 'msp-example'), join(root, 'msp-example'), {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
    await cp(join(repoRoot, 'msp.config.yaml'), join(root, 'msp.config.yaml'));
    const spec = join(root, 'msp-example', 'service.yaml');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replaceAll("ITEM_TTL_HOURS: '24'", "ITEM_TTL_HOURS: '48'"),
    );
    const deps = await loadDefaultDeps();
    const run = (args: string[]) =>
      runMsp(['generate', ...args, 'msp-example/service.yaml'], {
        io: memoryIo({ cwd: root }),
        deps,
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
});
