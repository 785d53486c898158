// Test helper shared by the packages' tests: real `terraform validate` of
// generated configurations through the tf-offline tool, which serves the
// pinned provider schemas to Terraform without downloads.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

/** One generated stack to plan: a name for messages and its directory (main.tf.json, terraform.tfvars). */
export interface PlannedStack {
  readonly name: string;
  readonly dir: string;
}

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Literal provider settings, with every interpolation replaced by a placeholder. */
function literalSettings(config: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(config))
    out[k] = typeof v === 'string' && v.includes('${') ? 'offline' : v;
  return out;
}

/**
 * Writes one root module that calls every stack as a child module, so that one
 * `terraform plan` covers many stacks (Terraform's start-up and the provider
 * plugins' start-up dominate a plan's time). For each stack: the backend is
 * dropped; `terraform_remote_state` reads a local state file whose outputs are
 * placeholder strings (`offline-<output>`); `terraform.tfvars` values become
 * module arguments; provider configurations move to the root (one per provider
 * and alias, literal settings kept, interpolated ones replaced by a
 * placeholder) and are passed in, so a few provider processes serve every stack.
 * @returns module name → stack name.
 */
export function writePlanBatch(stacks: readonly PlannedStack[], out: string): Map<string, string> {
  const names = new Map<string, string>();
  const root: Json = {};
  const modules: Json = {};
  const providers = new Map<string, Json>();
  const required: Record<string, Json> = {};
  stacks.forEach((stack, i) => {
    const module = `s${i}`;
    names.set(module, stack.name);
    const dir = join(out, module);
    mkdirSync(dir, { recursive: true });
    const document = JSON.parse(readFileSync(join(stack.dir, 'main.tf.json'), 'utf8')) as Json;
    const terraform = isJson(document['terraform']) ? document['terraform'] : {};
    delete terraform['backend'];
    delete terraform['cloud'];
    delete terraform['required_version'];
    const text = JSON.stringify(document);
    // Providers: to the root, passed in by alias.
    const passed: Record<string, string> = {};
    for (const [name, value] of Object.entries(
      isJson(document['provider']) ? document['provider'] : {},
    ))
      for (const config of Array.isArray(value) ? value : [value]) {
        if (!isJson(config)) continue;
        const alias = typeof config['alias'] === 'string' ? config['alias'] : undefined;
        const key = alias === undefined ? name : `${name}.${alias}`;
        if (!providers.has(key)) providers.set(key, literalSettings(config));
        if (alias !== undefined) passed[key] = key;
      }
    delete document['provider'];
    const requiredProviders = isJson(terraform['required_providers'])
      ? (terraform['required_providers'] as Record<string, Json>)
      : {};
    for (const [name, req] of Object.entries(requiredProviders)) {
      required[name] = { source: req['source'], version: req['version'] };
      const aliases = Object.keys(passed).filter((k) => k.startsWith(`${name}.`));
      if (aliases.length > 0) req['configuration_aliases'] = aliases;
    }
    // Remote state: a local state file with placeholder outputs.
    const data = isJson(document['data']) ? document['data'] : {};
    const remote = isJson(data['terraform_remote_state']) ? data['terraform_remote_state'] : {};
    for (const name of Object.keys(remote)) {
      const outputs = new Set(
        [
          ...text.matchAll(
            new RegExp(`data\\.terraform_remote_state\\.${name}\\.outputs\\.(\\w+)`, 'g'),
          ),
        ].map((m) => m[1] ?? ''),
      );
      writeFileSync(
        join(dir, `${name}.tfstate`),
        JSON.stringify({
          version: 4,
          terraform_version: '1.11.4',
          serial: 1,
          lineage: 'tf-offline',
          outputs: Object.fromEntries(
            [...outputs].map((o) => [o, { value: `offline-${o}`, type: 'string' }]),
          ),
          resources: [],
        }),
      );
      remote[name] = { backend: 'local', config: { path: `\${path.module}/${name}.tfstate` } };
    }
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(document, null, 2));
    const call: Json = { source: `./${module}` };
    if (Object.keys(passed).length > 0)
      call['providers'] = Object.fromEntries(Object.keys(passed).map((k) => [k, k]));
    const tfvars = join(stack.dir, 'terraform.tfvars');
    if (existsSync(tfvars))
      for (const line of readFileSync(tfvars, 'utf8').split('\n')) {
        const m = /^(\w+)\s*=\s*(".*")\s*$/.exec(line);
        if (m?.[1] !== undefined && m[2] !== undefined) call[m[1]] = JSON.parse(m[2]) as string;
      }
    modules[module] = call;
  });
  const providerBlocks: Record<string, Json[]> = {};
  for (const [key, config] of providers) {
    const name = key.split('.')[0] ?? key;
    (providerBlocks[name] ??= []).push(config);
  }
  root['terraform'] = { required_providers: required };
  root['provider'] = providerBlocks;
  root['module'] = modules;
  writeFileSync(join(out, 'main.tf.json'), JSON.stringify(root, null, 2));
  return names;
}

/**
 * Plans many stacks in one offline `terraform plan` (empty state) and returns
 * the error diagnostics as lines naming the stack; empty when all plan clean.
 * @throws Error when the tool itself fails (exit 2).
 */
export function terraformPlanMany(
  stacks: readonly PlannedStack[],
  workDir: string,
): Promise<string[]> {
  const names = writePlanBatch(stacks, workDir);
  return new Promise((resolve, reject) => {
    execFile(
      planScript,
      [workDir],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && error.code !== 1) {
          reject(new Error(`tf-offline plan failed: ${stderr || error.message}`));
          return;
        }
        if (error === null) {
          resolve([]);
          return;
        }
        // On failure the tool prints Terraform's diagnostics as text on stdout/stderr.
        const text = `${stdout}\n${stderr}`;
        const clean = text.replace(/^[│╷╵] ?/gm, '');
        const lines = clean
          .split(/\n(?=Error: )/)
          .map((block) => block.trimStart())
          .filter((block) => block.startsWith('Error: '))
          .map((block) => {
            const module = /(?:module\.|on |\/)(s\d+)[./]/.exec(block)?.[1];
            const stack = module === undefined ? '?' : (names.get(module) ?? module);
            const summary = block
              .split('\n')
              .filter((l) => l.trim() !== '')
              .slice(0, 8)
              .join(' | ');
            return `${stack}: ${summary}`;
          });
        resolve(lines.length === 0 ? [`plan failed: ${text.slice(-2000)}`] : lines);
      },
    );
  });
}
