import { defineCommand, type OptionSpecs } from '../cli/command.js';
import { MspError, UsageError } from '@msp/spec/errors';
import { canPrompt, createPrompter } from '../cli/prompt.js';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import { specPositional } from './shared-options.js';
import type { RunKind, StackRunner } from '../apply/stack-runs.js';
import type { Io } from '../cli/io.js';
import type { PreparedSpec } from '../spec/prepare-spec.js';
import type { ResolvedEnvironment } from '@msp/spec';

const options = {
  env: {
    type: 'string',
    valueName: 'id',
    description: 'Only this environment; default: every environment, in spec order.',
  },
  'allow-destroy': {
    type: 'boolean',
    description:
      'Let a plan destroy or replace stateful resources (Cloud SQL, Redis, BigQuery, buckets, secrets, the project, service accounts); the environment must also set allowDestroys: true.',
  },
  'local-state': {
    type: 'string',
    valueName: 'dir',
    description:
      'Run the local terraform binary with state in <dir>/<env>/<stack>.tfstate instead of the configured backend (a sandbox or an offline check).',
  },
  'skip-init': {
    type: 'boolean',
    description:
      'Do not run terraform init (providers come from dev_overrides in the Terraform CLI configuration).',
  },
  yes: {
    type: 'boolean',
    short: 'y',
    description: 'Do not ask before destroying (msp destroy asks; needed without a terminal).',
  },
} as const satisfies OptionSpecs;

const summaries: Record<RunKind, string> = {
  plan: 'Plan every stack of a service, in order, without changing anything',
  apply: 'Apply every stack of a service, in order, stopping at the first failure',
  destroy: 'Destroy the stacks of an environment in reverse order (needs allowDestroys: true)',
};

const descriptions: Record<RunKind, string> = {
  plan: [
    'Plans each stack of each environment (or only --env) in apply order: project, iam, cloudrun,',
    'monitoring, then tfcworkspaces. With Terraform Cloud state each plan is a speculative run of',
    'the committed stack uploaded through the API; with GCS state (or --local-state) it is the local',
    'terraform binary. A stack whose earlier stacks are not applied yet reads their planned outputs',
    'with --local-state. Exit 1 when a plan fails or destroys or replaces a stateful resource',
    'without --allow-destroy.',
  ].join('\n'),
  apply: [
    'Applies each stack of each environment (or only --env) in order, waiting for each: with',
    'Terraform Cloud, runMode cli uploads the stack as a configuration version and confirms the',
    "run through the API, runMode vcs queues a run on the workspace's repository configuration;",
    'with GCS state the local terraform binary plans and applies exactly that plan. A plan that',
    'destroys or replaces a stateful resource is refused (the run is discarded) unless',
    "--allow-destroy and the environment's allowDestroys. The committed Terraform must be current",
    '(msp generate). Ctrl-C leaves a Terraform Cloud run as it is and prints its URL.',
  ].join('\n'),
  destroy: [
    'Destroys the stacks of one environment in reverse order (tfcworkspaces, monitoring, cloudrun,',
    'iam, project), only when it sets allowDestroys: true, after confirmation (--yes without a',
    'terminal). The Terraform Cloud workspaces stay; msp tfc sync --delete removes them.',
  ].join('\n'),
};

function stackCommand<K extends RunKind>(kind: K) {
  return defineCommand({
    name: kind,
    summary: summaries[kind],
    description: descriptions[kind],
    positionals: [specPositional],
    options,
    examples:
      kind === 'destroy'
        ? [
            {
              description: 'Tear down the sandbox environment',
              command: 'msp destroy --env sandbox',
            },
          ]
        : [
            {
              description: `${kind === 'plan' ? 'Plan' : 'Apply'} every environment of the service here`,
              command: `msp ${kind}`,
            },
            {
              description: `${kind === 'plan' ? 'Plan' : 'Apply'} only dev`,
              command: `msp ${kind} --env dev`,
            },
          ],
    async run({ io, options, args, colors }) {
      const file = specPath(io, args[0]);
      const prepared = await prepareSpec(io, colors, file);
      const environments = selectEnvironments(kind, prepared, options.env);
      if (options['allow-destroy'] === true) {
        const refused = environments.filter((e) => !e.allowDestroys).map((e) => e.id);
        if (refused.length > 0)
          throw new MspError(
            'destroys-not-allowed',
            `--allow-destroy: environment ${refused.join(', ')} does not set allowDestroys: true`,
            {
              hint: 'Set allowDestroys: true on the environment in service.yaml, generate, and run again.',
            },
          );
      }
      if (kind === 'destroy')
        await confirmDestroy(io, options.yes === true, prepared, environments);

      const { committedStacks } = await import('../apply/committed-stacks.js');
      const targets = await committedStacks(io, prepared, environments);
      const allowDestroy = (id: string): boolean =>
        options['allow-destroy'] === true &&
        environments.some((e) => e.id === id && e.allowDestroys);
      const runner = await stackRunner(io, prepared, {
        allowDestroy,
        ...(options['local-state'] === undefined ? {} : { localStateDir: options['local-state'] }),
        skipInit: options['skip-init'] === true,
      });
      const { runStacks } = await import('../apply/stack-runs.js');
      await runStacks(io, colors, runner, targets, kind);
      return 0;
    },
  });
}

function selectEnvironments(
  kind: RunKind,
  prepared: PreparedSpec,
  env: string | undefined,
): ResolvedEnvironment[] {
  if (kind === 'destroy') {
    if (env === undefined)
      throw new UsageError('msp destroy needs --env: one environment at a time');
    const environment = findEnvironment(prepared.resolved, env);
    if (!environment.allowDestroys)
      throw new MspError(
        'destroys-not-allowed',
        `environment ${environment.id} does not allow destroys`,
        {
          hint: 'Set allowDestroys: true on the environment in service.yaml, generate and apply it, then destroy.',
        },
      );
    return [environment];
  }
  return env === undefined
    ? [...prepared.resolved.environments]
    : [findEnvironment(prepared.resolved, env)];
}

async function confirmDestroy(
  io: Io,
  yes: boolean,
  prepared: PreparedSpec,
  environments: readonly ResolvedEnvironment[],
): Promise<void> {
  if (yes) return;
  if (!canPrompt(io))
    throw new UsageError('msp destroy needs confirmation: run it in a terminal or add --yes');
  const prompter = createPrompter(io);
  const ok = await prompter
    .confirm(
      `Destroy every resource of ${prepared.resolved.service.id} ${environments.map((e) => e.id).join(', ')}, databases and data included`,
    )
    .finally(() => prompter.close());
  if (!ok) throw new MspError('aborted', 'nothing destroyed');
}

async function stackRunner(
  io: Io,
  prepared: PreparedSpec,
  settings: { allowDestroy: (id: string) => boolean; localStateDir?: string; skipInit: boolean },
): Promise<StackRunner> {
  const state = prepared.platform.state;
  if (state.type === 'terraform-cloud' && settings.localStateDir === undefined) {
    const { terraformCloudAddress, terraformCloudToken } = await import('../tfc/token.js');
    const { terraformCloudRunner } = await import('../apply/tfc-runner.js');
    return terraformCloudRunner({
      io,
      api: {
        baseURL: terraformCloudAddress(io.env, state.hostname),
        token: terraformCloudToken(io.env, state.hostname),
      },
      backend: state,
      resolved: prepared.resolved,
      allowDestroy: settings.allowDestroy,
    });
  }
  const { findExecutable } = await import('../cli/programs.js');
  const terraform = await findExecutable(io.env, 'terraform');
  if (terraform === undefined)
    throw new MspError('terraform-not-found', 'terraform is not on PATH', {
      hint: `Install Terraform ${prepared.platform.terraformVersion} (the version in terraform/<env>/.terraform-version).`,
    });
  const { localTerraformRunner } = await import('../apply/local-runner.js');
  const { resolve } = await import('node:path');
  return localTerraformRunner({
    io,
    terraform,
    allowDestroy: settings.allowDestroy,
    ...(settings.localStateDir === undefined
      ? {}
      : { localStateDir: resolve(io.cwd, settings.localStateDir) }),
    skipInit: settings.skipInit,
  });
}

export const planCommand = stackCommand('plan');
export const applyCommand = stackCommand('apply');
export const destroyCommand = stackCommand('destroy');
