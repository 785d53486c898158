import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMspError, MspError } from '@msp/spec/errors';
import {
  countChanges,
  refuseLosses,
  type ResourceChange,
  type RunKind,
  type StackOutcome,
  type StackRunner,
  type StackTarget,
} from './stack-runs.js';
import type { Io } from '../cli/io.js';

export interface LocalRunnerOptions {
  readonly io: Io;
  /** The terraform binary. */
  readonly terraform: string;
  readonly allowDestroy: (environmentID: string) => boolean;
  /**
   * Keep state in this directory (`<env>/<stack>.tfstate`) instead of the
   * generated backend: the backend and `cloud` blocks are dropped and
   * `terraform_remote_state` reads the earlier stacks' local state files.
   */
  readonly localStateDir?: string;
  /** Do not run `terraform init` (providers come from `dev_overrides` in the CLI configuration). */
  readonly skipInit?: boolean;
}

interface PlannedOutputs {
  readonly [name: string]: { readonly value: unknown; readonly known: boolean };
}

/**
 * Runs stacks with the local terraform binary (GCS state, or local state
 * with `localStateDir`): `init`, `plan -out`, `show -json` of that plan
 * (refused when it loses state), then `apply` of exactly that plan. Each run
 * works in a temporary copy of the stack, so nothing is written beside the
 * generated files. A plan of a stack whose earlier stacks are not applied yet
 * reads their planned outputs (unknown ones as "(known after apply)").
 */
export function localTerraformRunner(options: LocalRunnerOptions): StackRunner {
  const planned = new Map<string, PlannedOutputs>();
  const local = options.localStateDir;
  const statePath = (environmentID: string, stack: string): string =>
    join(local ?? '', environmentID, `${stack}.tfstate`);

  return {
    async run(target: StackTarget, kind: RunKind, progress): Promise<StackOutcome> {
      const work = await mkdtemp(join(tmpdir(), 'msp-terraform-'));
      try {
        const env = {
          ...options.io.env,
          TF_DATA_DIR: join(work, '.terraform'),
          TF_INPUT: '0',
          TF_IN_AUTOMATION: '1',
        };
        const terraform = (args: readonly string[]) =>
          runTerraform(options.io, options.terraform, work, env, args);
        const config = join(work, 'config');
        await mkdir(config, { recursive: true });
        for (const [path, content] of target.files) {
          const text =
            path === 'main.tf.json' && local !== undefined && typeof content === 'string'
              ? await localMain(content, target, kind, work)
              : content;
          await mkdir(join(config, path, '..'), { recursive: true });
          await writeFile(join(config, path), text);
        }
        const chdir = `-chdir=${config}`;
        const stateArgs =
          local === undefined
            ? []
            : ['-lock=false', `-state=${statePath(target.environmentID, target.stack)}`];
        if (options.skipInit !== true) {
          progress('terraform init');
          await expectSuccess(
            await terraform([
              chdir,
              'init',
              '-input=false',
              '-no-color',
              ...(local === undefined ? [] : ['-backend=false']),
            ]),
            target,
            'init',
          );
        }
        progress('terraform plan');
        const planFile = join(work, 'tfplan');
        await expectSuccess(
          await terraform([
            chdir,
            'plan',
            '-input=false',
            '-no-color',
            `-out=${planFile}`,
            ...stateArgs,
            ...(kind === 'destroy' ? ['-destroy'] : []),
          ]),
          target,
          'plan',
        );
        const shown = await terraform([chdir, 'show', '-json', '-no-color', planFile]);
        await expectSuccess(shown, target, 'show');
        const plan = JSON.parse(shown.stdout) as PlanDocument;
        const changes = (plan.resource_changes ?? []).filter(
          (c) => !c.change.actions.every((a) => a === 'no-op' || a === 'read'),
        );
        planned.set(`${target.environmentID}/${target.stack}`, plannedOutputs(plan));
        if (kind !== 'destroy') {
          const refusal = refuseLosses(target, changes, options.allowDestroy(target.environmentID));
          if (refusal !== undefined) throw refusal;
        }
        const counts = countChanges(changes);
        if (kind === 'plan')
          return { result: changes.length === 0 ? 'no changes' : 'planned', counts };
        if (changes.length === 0 && !plan.output_changes_pending)
          return { result: 'no changes', counts };
        progress('terraform apply');
        if (local !== undefined)
          await mkdir(join(local, target.environmentID), { recursive: true });
        await expectSuccess(
          await terraform([chdir, 'apply', '-input=false', '-no-color', ...stateArgs, planFile]),
          target,
          'apply',
        );
        return { result: kind === 'destroy' ? 'destroyed' : 'applied', counts };
      } catch (error) {
        if (isMspError(error, 'interrupted'))
          throw new MspError(
            'interrupted',
            `interrupted during ${target.environmentID}/${target.stack}; terraform was stopped`,
            {
              hint: 'Terraform stopped cleanly and released its state lock; run msp again to go on.',
            },
          );
        throw error;
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  };

  /**
   * The stack's main.tf.json for local state: no backend, and every
   * `terraform_remote_state` reading the earlier stack's local state file,
   * or for a plan, a preview of its planned outputs when it is not applied yet.
   */
  async function localMain(
    content: string,
    target: StackTarget,
    kind: RunKind,
    work: string,
  ): Promise<string> {
    const doc = JSON.parse(content) as {
      terraform?: Record<string, unknown>;
      data?: { terraform_remote_state?: Record<string, Record<string, unknown>> };
    };
    if (doc.terraform !== undefined) {
      delete doc.terraform['backend'];
      delete doc.terraform['cloud'];
    }
    for (const [stack, body] of Object.entries(doc.data?.terraform_remote_state ?? {})) {
      let path = statePath(target.environmentID, stack);
      const preview = planned.get(`${target.environmentID}/${stack}`);
      if (kind === 'plan' && preview !== undefined && !(await hasOutputs(path))) {
        path = join(work, `${stack}.preview.tfstate`);
        await writeFile(path, previewState(preview));
      }
      body['backend'] = 'local';
      body['config'] = { path };
    }
    return JSON.stringify(doc, null, 2);
  }
}

interface PlanDocument {
  readonly resource_changes?: readonly ResourceChange[];
  readonly planned_values?: { readonly outputs?: Record<string, { readonly value?: unknown }> };
  readonly output_changes?: Record<string, { readonly after_unknown?: unknown }>;
  readonly output_changes_pending?: boolean;
}

function plannedOutputs(plan: PlanDocument): PlannedOutputs {
  const outputs: Record<string, { value: unknown; known: boolean }> = {};
  const names = new Set([
    ...Object.keys(plan.planned_values?.outputs ?? {}),
    ...Object.keys(plan.output_changes ?? {}),
  ]);
  for (const name of names) {
    const value = plan.planned_values?.outputs?.[name]?.value;
    const known = value !== undefined && plan.output_changes?.[name]?.after_unknown !== true;
    outputs[name] = { value: known ? value : '(known after apply)', known };
  }
  return outputs;
}

/** A version 4 state file holding only outputs, which `terraform_remote_state` reads. */
function previewState(outputs: PlannedOutputs): string {
  const entries = Object.entries(outputs).map(([name, { value }]) => [
    name,
    { value, type: ctyType(value) },
  ]);
  return (
    JSON.stringify(
      {
        version: 4,
        terraform_version: '1.11.4',
        serial: 1,
        lineage: 'msp-plan-preview',
        outputs: Object.fromEntries(entries),
        resources: [],
      },
      null,
      2,
    ) + '\n'
  );
}

function ctyType(value: unknown): unknown {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return ['tuple', value.map(ctyType)];
  if (typeof value === 'object' && value !== null)
    return ['object', Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ctyType(v)]))];
  return 'string';
}

async function hasOutputs(path: string): Promise<boolean> {
  try {
    const state = JSON.parse(await readFile(path, 'utf8')) as { outputs?: object };
    return Object.keys(state.outputs ?? {}).length > 0;
  } catch {
    return false;
  }
}

interface TerraformResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs terraform to completion. SIGINT or SIGTERM reaching `io.signals` is
 * passed on as SIGINT, which terraform answers by stopping cleanly (and
 * releasing its state lock); the run then rejects as `interrupted`.
 */
async function runTerraform(
  io: Io,
  terraform: string,
  cwd: string,
  env: Record<string, string | undefined>,
  args: readonly string[],
): Promise<TerraformResult> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(terraform, [...args], {
      cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const stop = (): void => {
      interrupted = true;
      child.kill('SIGINT');
    };
    io.signals?.on('SIGINT', stop);
    io.signals?.on('SIGTERM', stop);
    const done = (): void => {
      io.signals?.off('SIGINT', stop);
      io.signals?.off('SIGTERM', stop);
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('exit', (code) => {
      done();
      if (interrupted) reject(new MspError('interrupted', 'interrupted'));
      else resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

async function expectSuccess(
  result: TerraformResult,
  target: StackTarget,
  step: string,
): Promise<void> {
  if (result.code === 0) return;
  // Terraform writes its errors to stderr; the plan output on stdout only says how far it got.
  const output = result.stderr.trim() === '' ? result.stdout : result.stderr;
  const excerpt = output.trimEnd().split('\n').slice(-30).join('\n');
  throw new MspError(
    'terraform-failed',
    `terraform ${step} failed for ${target.environmentID}/${target.stack} (${target.dir}):\n${excerpt.replace(/^/gm, '  | ')}`,
    { hint: 'Fix the cause above, then run msp again: the stacks before it are done.' },
  );
}
