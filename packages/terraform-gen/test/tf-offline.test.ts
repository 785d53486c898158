// Real `terraform validate` (through the shared tf-offline tool, which serves
// the pinned provider schemas to Terraform without downloads) over every
// fixture's rendered output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURES } from './fixtures/index.js';
import { renderFixture } from './generate-fixture.js';
import { hasTerraform, mapLimited, terraformValidate } from '../../../tools/testing/tf-offline.js';

/** Terraform runs are mostly process start-up: a few at once use the CPUs without oversubscribing them. */
const CONCURRENCY = 2;

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

  it('validates every stack of every fixture with no errors or warnings', async () => {
    expect(stackDirs.length).toBeGreaterThan(0);
    const results = await mapLimited(stackDirs.sort(), CONCURRENCY, (dir) =>
      terraformValidate(path.join(outDir, dir)),
    );
    const failures = results.flatMap((lines, i) => lines.map((line) => `${stackDirs[i]}: ${line}`));
    expect(failures).toEqual([]);
  }, 600_000);
});
