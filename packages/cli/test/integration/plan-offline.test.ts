import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryIo } from '../support/memory-io.js';
import { repoRoot } from '../support/repository.js';
import { runMsp } from '../support/run-msp.js';
import { useTempDir } from '../support/temp-dir.js';
import { hasTerraform, offlineTerraformEnv } from '../../../../tools/testing/tf-offline.js';

/**
 * `msp plan` with the local terraform binary, against the pinned provider
 * schemas (tf-offline's stub plugins through dev_overrides) and an empty
 * local state: every stack of every environment of the example plans, in
 * order, later stacks reading the earlier ones' planned outputs.
 */
(hasTerraform ? describe : describe.skip)('msp plan with local terraform, offline', () => {
  const tempDir = useTempDir();

  async function exampleCopy(state: 'terraform-cloud' | 'gcs'): Promise<string> {
    const root = join(tempDir(), 'repo');
    await mkdir(root, { recursive: true });
    let config = await readFile(join(repoRoot, 'apps/msp-example/msp.config.yaml'), 'utf8');
    if (state === 'gcs') {
      config = config.replace(
        /^state:\n(?: {2}.*\n)+/m,
        'state:\n  type: gcs\n  bucket: example-corp-terraform-state\n  prefix: msp\n',
      );
    }
    await cp(join(repoRoot, 'apps', 'msp-example'), join(root, 'example'), {
      recursive: true,
      filter: (src) => !/node_modules|dist/.test(src),
    });
    // The template's own platform config is the one msp finds; this copy's replaces it.
    await writeFile(join(root, 'example', 'msp.config.yaml'), config);
    return root;
  }

  it('plans every stack of the example in order with GCS state and an empty local state', async () => {
    const root = await exampleCopy('gcs');
    const cwd = join(root, 'example');
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: tempDir(),
      ...offlineTerraformEnv(tempDir()),
    };
    const generate = await runMsp(['generate'], { io: memoryIo({ cwd, env }) });
    expect(generate.code).toBe(0);
    const result = await runMsp(['plan', '--local-state', join(root, 'state'), '--skip-init'], {
      io: memoryIo({ cwd, env }),
    });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((l) => l !== '');
    expect(lines.map((l) => l.replace(/ \(.*$/, ''))).toEqual([
      '[1/8] test/project planned',
      '[2/8] test/iam planned',
      '[3/8] test/cloudrun planned',
      '[4/8] test/monitoring planned',
      '[5/8] prod/project planned',
      '[6/8] prod/iam planned',
      '[7/8] prod/cloudrun planned',
      '[8/8] prod/monitoring planned',
    ]);
    expect(lines[2]).toMatch(/\(\d+ to add, 0 to change, 0 to destroy\)/);
    // Nothing is written beside the generated files (the skaffold source the bucket
    // object uploads is one of them), and a plan keeps no state.
    expect((await readdir(join(cwd, 'terraform', 'prod', 'stacks', 'cloudrun'))).sort()).toEqual([
      'main.tf.json',
      'skaffoldsource.tar.gz',
    ]);
  }, 300_000);
});
