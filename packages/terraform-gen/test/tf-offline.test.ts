// Real `terraform validate` (through the shared tf-offline tool, which serves
// the pinned provider schemas to Terraform without downloads) over every
// fixture's rendered output.
import { execFile, spawnSync } from 'node:child_process';
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

/** Terraform runs are mostly process start-up: a few at once use the CPUs without oversubscribing them. */
const CONCURRENCY = 2;

interface ValidateResult {
  readonly valid: boolean;
  readonly diagnostics: readonly Diagnostic[];
}

function validateDir(dir: string): Promise<ValidateResult> {
  return new Promise((resolve, reject) => {
    execFile(
      validate,
      ['--json', dir],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && error.code === 2)
          return reject(new Error(`tf-offline failed on ${dir}: ${stderr}`));
        try {
          resolve(JSON.parse(stdout) as ValidateResult);
        } catch {
          reject(new Error(`tf-offline printed no JSON for ${dir}: ${stderr}`));
        }
      },
    );
  });
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
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

  it('validates every stack of every fixture with no errors or warnings', async () => {
    expect(stackDirs.length).toBeGreaterThan(0);
    const results = await mapConcurrently(stackDirs.sort(), CONCURRENCY, (dir) =>
      validateDir(path.join(outDir, dir)),
    );
    const failures = results.flatMap((result, i) => {
      const dir = stackDirs[i] ?? '';
      const lines = result.diagnostics.map(
        (d) => `${dir}: ${d.severity}: ${d.summary}${d.detail ? ` (${d.detail})` : ''}`,
      );
      return !result.valid && lines.length === 0 ? [`${dir}: invalid`] : lines;
    });
    expect(failures).toEqual([]);
  }, 600_000);
});
