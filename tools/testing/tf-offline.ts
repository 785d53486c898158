// Test helper shared by the packages' tests: real `terraform validate` of
// generated configurations through the tf-offline tool, which serves the
// pinned provider schemas to Terraform without downloads.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..');

/** The tf-offline tool in the shared folder beside the repository. */
const validateScript = join(repoRoot, '..', 'shared', 'tools', 'tf-offline', 'validate');
const planScript = join(repoRoot, '..', 'shared', 'tools', 'tf-offline', 'plan');

/** Whether a `terraform` binary is on PATH; without one the tf-offline tests are skipped. */
export const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;

interface Diagnostic {
  readonly severity: string;
  readonly summary: string;
  readonly detail?: string;
}

/**
 * Runs `terraform validate` on one configuration directory and returns its
 * diagnostics as lines (empty when valid, without warnings).
 * @throws Error when the tool itself fails (exit 2) or is missing.
 */
export function terraformValidate(dir: string): Promise<string[]> {
  if (!existsSync(validateScript))
    throw new Error(
      `tf-offline not found at ${validateScript}: the shared folder must sit beside the repository`,
    );
  return new Promise((resolve, reject) => {
    execFile(
      validateScript,
      ['--json', dir],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && error.code !== 1) {
          reject(new Error(`tf-offline failed on ${dir}: ${stderr || error.message}`));
          return;
        }
        const result = JSON.parse(stdout) as { valid: boolean; diagnostics: Diagnostic[] };
        const lines = result.diagnostics.map(
          (d) => `${d.severity}: ${d.summary}${d.detail ? ` (${d.detail})` : ''}`,
        );
        resolve(!result.valid && lines.length === 0 ? ['invalid'] : lines);
      },
    );
  });
}

/**
 * Runs `terraform plan` offline on one configuration directory against an
 * empty state, with extra Terraform arguments (such as `-var=name=value`).
 * Resolves with the exit status (0 planned, 1 validation or plan failed) and the output.
 * @throws Error when the tool itself fails (exit 2) or is missing.
 */
export function terraformPlan(
  dir: string,
  args: readonly string[] = [],
): Promise<{ status: number; output: string }> {
  if (!existsSync(planScript))
    throw new Error(
      `tf-offline not found at ${planScript}: the shared folder must sit beside the repository`,
    );
  return new Promise((resolve, reject) => {
    execFile(
      planScript,
      [dir, ...(args.length === 0 ? [] : ['--', ...args])],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === 'number' ? error.code : 2;
        if (status !== 0 && status !== 1) {
          reject(new Error(`tf-offline plan failed on ${dir}: ${stderr || error?.message}`));
          return;
        }
        resolve({ status, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** Runs `task` over `items`, `limit` at a time, keeping the order of results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
