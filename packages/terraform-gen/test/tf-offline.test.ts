// Real `terraform validate` (through the shared tf-offline tool, which serves
// the pinned provider schemas to Terraform without downloads) over every
// fixture's rendered output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from './fixtures/index.js';
import { renderFixture } from './generate-fixture.js';

const repoRoot = path.resolve(__dirname, '../../..');
const validate = path.resolve(repoRoot, '../shared/tools/tf-offline/validate');
const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
}

const describeIfTerraform = hasTerraform ? describe : describe.skip;
if (!hasTerraform) {
  console.warn(
    'tf-offline tests skipped: no `terraform` binary on PATH (install Terraform >= 1.11 to run them)',
  );
}

describeIfTerraform('terraform validate (tf-offline)', () => {
  let outDir = '';
  const stackDirs: string[] = [];

  beforeAll(() => {
    if (!fs.existsSync(validate)) {
      throw new Error(
        `tf-offline not found at ${validate}: the shared folder must sit beside the repository`,
      );
    }
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msp-tf-validate-'));
    for (const [name, fixture] of Object.entries(FIXTURES)) {
      for (const [file, content] of renderFixture(fixture)) {
        const target = path.join(outDir, name, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
        if (file.endsWith('main.tf.json'))
          stackDirs.push(path.relative(outDir, path.dirname(target)));
      }
    }
  });

  afterAll(() => {
    if (outDir !== '') fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('validates every stack of every fixture with no errors or warnings', () => {
    expect(stackDirs.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const dir of stackDirs.sort()) {
      const r = spawnSync(validate, ['--json', path.join(outDir, dir)], { encoding: 'utf8' });
      if (r.status === 2) throw new Error(`tf-offline failed on ${dir}: ${r.stderr}`);
      const result = JSON.parse(r.stdout) as { valid: boolean; diagnostics: Diagnostic[] };
      for (const d of result.diagnostics) {
        failures.push(`${dir}: ${d.severity}: ${d.summary}${d.detail ? ` (${d.detail})` : ''}`);
      }
      if (!result.valid && result.diagnostics.length === 0) failures.push(`${dir}: invalid`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
