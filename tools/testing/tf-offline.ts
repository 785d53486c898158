// Test helper shared by the packages' tests: real `terraform validate` of
// generated configurations through the tf-offline tool, which serves the
// pinned provider schemas to Terraform without downloads.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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

/**
 * A Terraform CLI configuration under `dir` whose `dev_overrides` point every
 * provider with a pinned schema (newest version of each) at tf-offline's stub
 * plugin, so that `terraform plan` runs with no download and no `init`; and
 * the environment that selects it. The same set-up as tf-offline's own
 * scripts, for tests that run terraform through msp.
 */
export function offlineTerraformEnv(dir: string): Record<string, string> {
  const shared = join(repoRoot, '..', 'shared');
  const stub = join(shared, 'tools', 'tf-offline', 'dist', 'stub-provider.cjs');
  const schemas = join(shared, 'tf-schemas');
  const newest = new Map<string, { version: number[]; file: string }>();
  for (const file of readdirSync(schemas)) {
    const match = /^([a-z0-9]+)-([a-z0-9-]+?)-(\d+)\.(\d+)\.(\d+)\.json$/.exec(file);
    if (match === null) continue;
    const [, namespace = '', type = '', ...parts] = match;
    const version = parts.map(Number);
    const address = `registry.terraform.io/${namespace}/${type}`;
    const seen = newest.get(address);
    if (seen === undefined || compareVersions(version, seen.version) > 0)
      newest.set(address, { version, file: join(schemas, file) });
  }
  const lines: string[] = [];
  for (const [address, { file }] of newest) {
    const type = address.split('/')[2] ?? '';
    const bin = join(dir, 'providers', address.replaceAll('/', '_'));
    mkdirSync(bin, { recursive: true });
    const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    writeFileSync(
      join(bin, `terraform-provider-${type}`),
      `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(stub)} --schema ${quote(file)} --source ${quote(address)} "$@"\n`,
      { mode: 0o755 },
    );
    lines.push(`    ${JSON.stringify(address)} = ${JSON.stringify(bin)}`);
  }
  const rc = join(dir, 'terraform.rc');
  writeFileSync(
    rc,
    `provider_installation {\n  dev_overrides {\n${lines.join('\n')}\n  }\n  direct {}\n}\n`,
  );
  return { TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: '1' };
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
