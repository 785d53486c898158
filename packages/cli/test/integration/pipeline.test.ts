import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryIo } from '../support/memory-io.js';
import { runMsp } from '../support/run-msp.js';
import { useTempDir } from '../support/temp-dir.js';

/**
 * The whole pipeline with the real @msp/spec and @msp/terraform-gen, through
 * every command a new service goes through.
 */
describe('msp with the real libraries', () => {
  const tempDir = useTempDir();

  it('a spec made by init and env add validates, generates, and is then up to date', async () => {
    const io = () => memoryIo({ cwd: tempDir() });
    const step = async (args: string[]) => {
      const result = await runMsp(args, { io: io() });
      if (result.code !== 0)
        throw new Error(
          `msp ${args.join(' ')} exited ${result.code}:\n${result.stdout}${result.stderr}`,
        );
      return result;
    };
    await step(['init', 'billing', '--owner', 'team-billing']);
    await step(['env', 'add', 'billing/service.yaml', 'staging']);
    const spec = await readFile(join(tempDir(), 'billing/service.yaml'), 'utf8');
    expect(spec).toMatch(/^# yaml-language-server: \$schema=/);
    expect(spec).toContain('id: staging');
    await step(['validate', 'billing/service.yaml']);
    await step(['generate', 'billing/service.yaml']);
    await access(join(tempDir(), 'billing/terraform/dev/stacks/project/main.tf.json'));
    await access(join(tempDir(), 'billing/terraform/staging/stacks/project/main.tf.json'));
    await step(['generate', 'billing/service.yaml', '--check']);
    expect((await step(['diff', 'billing/service.yaml'])).stdout).toContain('No changes');
    expect((await step(['graph', 'billing/service.yaml', '--env', 'dev'])).stdout).toContain(
      'flowchart LR',
    );
    expect((await step(['ops', 'billing/service.yaml'])).stdout).toContain('## staging');
    expect(JSON.parse((await step(['schema'])).stdout)).toHaveProperty('properties');
  });
});
