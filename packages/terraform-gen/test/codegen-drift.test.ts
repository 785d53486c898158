import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');

describe('generated provider types', () => {
  it('are up to date with packages/terraform-gen/schemas (npx nx run terraform-gen:codegen)', () => {
    const r = spawnSync(process.execPath, ['tools/codegen/terraform-gen.mjs', '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);
});
