import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { defineCommand } from '../cli/command.js';
import { isMspError } from '@msp/spec/errors';
import { existingGeneratedFiles } from '../generation/existing-files.js';
import { generateSpec } from '../generation/generate-service.js';
import { isGeneratedFile } from '../generation/stack-paths.js';
import { formatInputs, operatorInputs, type StackInputs } from '../generation/operator-inputs.js';
import { formatCounts, resourceCounts, type StackCount } from '../generation/resource-counts.js';
import { planChangesSomething, planFiles, writeFiles, type FilePlan } from '../fs/write-files.js';
import { findEnvironment, prepareSpec, printPlatformIssuesOnce } from '../spec/prepare-spec.js';
import { jsonOption } from './shared-options.js';
import { displayPath, specFiles } from './spec-files.js';
import type { CommandContext } from '../cli/command.js';
import type { FileContent } from '../fs/file-content.js';

const options = {
  env: { type: 'string', valueName: 'id', description: 'Only this environment.' },
  out: {
    type: 'string',
    valueName: 'dir',
    description: 'Write under <dir>/<service id>/ instead of beside each spec.',
  },
  check: {
    type: 'boolean',
    description: 'Write nothing; exit 1 listing the files that would change (for CI).',
  },
  'dry-run': { type: 'boolean', description: 'Write nothing; list the files that would change.' },
  conformance: {
    type: 'boolean',
    description: 'Check every resource against the pinned provider schemas before writing.',
  },
  stable: {
    type: 'boolean',
    default: true,
    description:
      'Keep the pinned image digests; --no-stable resolves every subscribed tag again and updates the lock.',
  },
  quiet: {
    type: 'boolean',
    description:
      'Print one line for all specs instead of a summary per spec (errors and warnings still print).',
  },
  json: jsonOption,
} as const;

export const generateCommand = defineCommand({
  name: 'generate',
  summary: 'Generate the Terraform of one or more services',
  description: [
    'Generates terraform/<env>/stacks/<stack>/main.tf.json (and terraform.tfvars, .terraform-version)',
    'beside each spec, or under --out. Generated files that are no longer produced are removed.',
    "With --conformance, every resource is first checked against the pinned provider schemas (msp's",
    'own tests check every golden; the flag is for a spec that may meet a generator bug).',
    'Image tags of subscription deploys are pinned to digests in terraform/images.lock.json (commit it):',
    'a pinned environment is generated without the network. An unpinned one is resolved from the',
    'registry (Google registries with GOOGLE_OAUTH_ACCESS_TOKEN or "gcloud auth print-access-token"',
    'when available; hosts in MSP_PLAIN_HTTP_REGISTRIES, comma-separated, over plain HTTP), and when the',
    'registry cannot be reached it is generated with the plain tag and a warning.',
    'Organisation values the platform config does not give become input variables, listed in the',
    "summary and in each stack's terraform.tfvars.example.",
    'Files are written all at once (temporary files, then renames) and only when they change.',
    'Many specs are generated on every core (worker threads; MSP_GENERATE_WORKERS=N sets the number,',
    '1 keeps one thread); output and progress stay in spec order.',
  ].join('\n'),
  positionals: [
    {
      name: 'file',
      variadic: true,
      description: 'Specs to generate; default: every service.yaml under the current directory.',
    },
  ],
  options,
  examples: [
    { description: 'Generate every service under the current directory', command: 'msp generate' },
    {
      description: 'Generate one environment of one service',
      command: 'msp generate services/billing/service.yaml --env dev',
    },
    {
      description: 'Fail in CI when the committed Terraform is stale',
      command: 'msp generate --check',
    },
  ],
  async run(context) {
    const { io, args, colors } = context;
    const files = await specFiles(io, args);
    const results: SpecResult[] = [];
    let failed = 0;
    const progress = files.length > 1 && io.stderr.isTTY === true;
    // Outcomes arrive in spec order, whichever thread generated them.
    const report = (i: number, outcome: SpecOutcome) => {
      if (progress) io.stderr.write('\r\u001b[2K');
      for (const { key, text } of outcome.platform ?? []) printPlatformIssuesOnce(io, key, text);
      io.stderr.write(outcome.stderr);
      if (outcome.error !== undefined) {
        io.stderr.write(
          `${colors.red('error')}: ${outcome.error.message}\n${outcome.error.hint === undefined ? '' : `${colors.dim('hint')}: ${outcome.error.hint}\n`}`,
        );
        failed++;
      }
      if (outcome.result !== undefined) results.push(outcome.result);
      if (progress && i + 1 < files.length)
        io.stderr.write(`[${i + 2}/${files.length}] ${displayPath(io, files[i + 1] ?? '')}`);
    };
    const workers = workerCount(context, files.length);
    if (workers > 1 && context.generateWorker !== undefined) {
      const { generateInWorkers } = await import('../generation/parallel-generate.js');
      await generateInWorkers(context.generateWorker, files, workers, workerInput(context), report);
    } else {
      if (progress) io.stderr.write(`[1/${files.length}] ${displayPath(io, files[0] ?? '')}`);
      for (const [i, file] of files.entries()) report(i, await generateOutcome(context, file));
    }
    if (progress) io.stderr.write('\r\u001b[2K');
    const stale = results.filter((r) => planChangesSomething(r.plan));
    if (context.options.json === true)
      io.stdout.write(JSON.stringify(results.map(jsonResult), null, 2) + '\n');
    else if (context.options.quiet === true) io.stdout.write(total(results));
    else for (const result of results) io.stdout.write(describe(context, result));
    if (failed > 0) return 1;
    if (context.options.check === true && stale.length > 0) {
      io.stderr.write(
        `${colors.red('error')}: generated Terraform is stale for ${stale.map((r) => r.service).join(', ')}\n${colors.dim('hint')}: run "msp generate" and commit the result\n`,
      );
      return 1;
    }
    return 0;
  },
});

/** Specs per worker below which starting another thread costs more than it saves. */
const SPECS_PER_WORKER = 8;

/**
 * Threads to generate `specs` specs with: one per core for large batches,
 * `MSP_GENERATE_WORKERS` when set (1: the command's own thread only).
 */
function workerCount(context: GenerateContext, specs: number): number {
  const forced = Number.parseInt(context.io.env['MSP_GENERATE_WORKERS'] ?? '', 10);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, specs);
  return Math.max(1, Math.min(availableParallelism(), Math.floor(specs / SPECS_PER_WORKER)));
}

/** What a worker needs to run {@link generateOutcome} as this command would. */
function workerInput(context: GenerateContext): GenerateWorkerInput {
  return {
    cwd: context.io.cwd,
    env: { ...context.io.env },
    options: context.options,
    color: context.colors.enabled,
  };
}

/** One spec generated (what it prints goes to the context's stderr); an `MspError` (msp's own, from any package) becomes `error`. */
export async function generateOutcome(
  context: GenerateContext,
  file: string,
): Promise<SpecOutcome> {
  try {
    return { result: await generateOne(context, file), stderr: '' };
  } catch (error) {
    if (!isMspError(error)) throw error;
    return {
      stderr: '',
      error: { message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) },
    };
  }
}

/** The one line `--quiet` prints. */
function total(results: readonly SpecResult[]): string {
  const count = (key: keyof FilePlan) => results.reduce((n, r) => n + r.plan[key].length, 0);
  const changed = count('created') + count('changed') + count('removed');
  const verb = results.every((r) => r.written) ? 'changed' : 'stale';
  return `${results.length} service${results.length === 1 ? '' : 's'}: ${changed} file${changed === 1 ? '' : 's'} ${verb}, ${count('unchanged')} unchanged\n`;
}

export type GenerateContext = CommandContext<typeof options>;

/** What one spec's generation gave, in a form that crosses threads. */
export interface SpecOutcome {
  readonly result?: SpecResult;
  /** Warnings it printed. */
  readonly stderr: string;
  /** The platform config's issues, by config file ('' for the embedded default), printed once per command. */
  readonly platform?: readonly { readonly key: string; readonly text: string }[];
  readonly error?: { readonly message: string; readonly hint?: string };
}

/** The command's settings for a worker thread (see parallel-generate.ts). */
export interface GenerateWorkerInput {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly options: GenerateContext['options'];
  readonly color: boolean;
}

interface SpecResult {
  readonly spec: string;
  readonly service: string;
  readonly root: string;
  readonly plan: FilePlan;
  readonly counts: readonly StackCount[];
  /** Input variables the operator supplies at plan time, per stack. */
  readonly inputs: readonly StackInputs[];
  readonly written: boolean;
}

async function generateOne(context: GenerateContext, file: string): Promise<SpecResult> {
  const { io, options: opts, colors } = context;
  const prepared = await prepareSpec(io, colors, file);
  const environmentIDs =
    opts.env === undefined ? undefined : [findEnvironment(prepared.resolved, opts.env).id];
  const root =
    opts.out === undefined ? prepared.dir : resolve(io.cwd, opts.out, prepared.resolved.service.id);
  const { files, stacks } = await generateSpec(prepared, {
    stable: opts.stable,
    conformance: opts.conformance === true,
    root,
    io,
    ...(environmentIDs === undefined ? {} : { environmentIDs }),
  });
  const write = opts.check !== true && opts['dry-run'] !== true;
  const existing = await existingGeneratedFiles(root, environmentIDs);
  // existingGeneratedFiles listed every generated file there is: the others are absent.
  const current = new Map<string, FileContent | undefined>(existing);
  for (const path of files.keys())
    if (!current.has(path) && isGeneratedFile(path)) current.set(path, undefined);
  const owned = { owned: [...existing.keys()], current };
  const plan = write ? await writeFiles(root, files, owned) : await planFiles(root, files, owned);
  return {
    spec: file,
    service: prepared.resolved.service.id,
    root,
    plan,
    counts: resourceCounts(stacks),
    inputs: operatorInputs(stacks),
    written: write,
  };
}

function describe(
  { io, colors, options: opts }: CommandContext<typeof options>,
  result: SpecResult,
): string {
  const { plan } = result;
  const where = displayPath(io, result.root);
  const verb = result.written
    ? { created: 'created', changed: 'updated', removed: 'removed' }
    : { created: 'would create', changed: 'would update', removed: 'would remove' };
  const lines: string[] = [];
  for (const path of plan.created)
    lines.push(`  ${colors.green(verb.created)} ${join(where, path)}`);
  for (const path of plan.changed)
    lines.push(`  ${colors.yellow(verb.changed)} ${join(where, path)}`);
  for (const path of plan.removed) lines.push(`  ${colors.red(verb.removed)} ${join(where, path)}`);
  const changed = plan.created.length + plan.changed.length + plan.removed.length;
  const status =
    changed === 0
      ? 'up to date'
      : `${changed} file${changed === 1 ? '' : 's'} ${result.written ? 'changed' : 'stale'}`;
  const header = `${colors.bold(result.service)} (${relative(io.cwd, result.spec) || result.spec}): ${status}, ${plan.unchanged.length} unchanged`;
  const table =
    opts.check === true ? '' : formatCounts(result.counts) + formatInputs(result.inputs);
  return [header, ...lines].join('\n') + '\n' + table;
}

function jsonResult(result: SpecResult) {
  return {
    spec: result.spec,
    service: result.service,
    root: result.root,
    written: result.written,
    files: result.plan,
    stacks: result.counts,
    inputs: result.inputs,
  };
}
