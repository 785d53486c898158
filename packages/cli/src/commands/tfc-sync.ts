import { basename } from 'node:path';
import { defineCommand } from '../cli/command.js';
import { CliError, UsageError } from '../cli/errors.js';
import { canPrompt, createPrompter } from '../cli/prompt.js';
import { generateFiles } from '../generation/generate-service.js';
import { stackNames } from '../generation/stack-paths.js';
import { findEnvironment, prepareSpec, specPath } from '../spec/prepare-spec.js';
import { terraformCloudBackend, workspaceName, type TerraformCloudBackend } from '../tfc/names.js';
import { specPositional } from './shared-options.js';
import type { ResolvedEnvironment } from '@msp/spec';
import type { EnvironmentSync } from '../tfc/sync.js';
import type { RunMode } from '../tfc/workspace-settings.js';

export const tfcSyncCommand = defineCommand({
  name: 'tfc sync',
  summary: 'Create or update the Terraform Cloud project and workspaces of a service',
  description: [
    'For each environment (or only --env), creates or updates the Terraform Cloud project',
    "<prefix>-<service>-<env> with the platform's team access, and one workspace per stack with",
    'remote execution, auto-apply, global remote state, tags and, in vcs mode, the VCS connection',
    'and working directory. Tags are only added. The token comes from TFE_TOKEN or TF_TOKEN_<host>.',
    '',
    'With --delete it instead deletes the workspaces (reverse order) and the project, only when the',
    'environment sets allowDestroys: true, after confirmation. It never queues a destroy run.',
  ].join('\n'),
  positionals: [specPositional],
  options: {
    env: {
      type: 'string',
      valueName: 'id',
      description: 'Only this environment; default: every environment.',
    },
    'run-mode': {
      type: 'string',
      valueName: 'mode',
      choices: ['vcs', 'cli', 'ignore'],
      description:
        "vcs: runs from the repository; cli: no VCS connection (removes one); ignore: keep VCS settings, create nothing. Default: the platform config's runMode.",
    },
    delete: {
      type: 'boolean',
      description: 'Delete the workspaces and project instead (needs allowDestroys: true).',
    },
    yes: {
      type: 'boolean',
      short: 'y',
      description: 'Do not ask for confirmation of --delete (needed without a terminal).',
    },
  },
  examples: [
    {
      description: 'Sync every environment of the service in this directory',
      command: 'msp tfc sync',
    },
    {
      description: 'Sync dev in CLI-driven mode',
      command: 'msp tfc sync --env dev --run-mode cli',
    },
    {
      description: 'Delete the workspaces of a torn-down environment',
      command: 'msp tfc sync --env sandbox --delete',
    },
  ],
  async run({ io, options, args, colors, deps }) {
    const prepared = await prepareSpec(io, colors, deps, specPath(io, args[0]));
    const loaded = await deps();
    const backend = terraformCloudBackend(prepared.platform);
    const environments =
      options.env === undefined
        ? prepared.resolved.environments
        : [findEnvironment(prepared.resolved, options.env)];
    const files = await generateFiles(loaded, prepared, {
      environmentIDs: environments.map((e) => e.id),
      stable: true,
      io,
    });
    const syncs = environments.map((environment) =>
      environmentSync(
        backend,
        prepared.resolved.service.id,
        basename(prepared.dir),
        environment,
        files,
        prepared.platform.terraformVersion,
      ),
    );

    const { terraformCloudAddress, terraformCloudToken } = await import('../tfc/token.js');
    const { terraformCloudClient } = await import('../tfc/client.js');
    const { deleteEnvironment, syncEnvironment } = await import('../tfc/sync.js');
    const client = terraformCloudClient({
      baseURL: terraformCloudAddress(io.env, backend.hostname),
      token: terraformCloudToken(io.env, backend.hostname),
    });

    if (options.delete === true) {
      if (options.env === undefined)
        throw new UsageError('--delete needs --env: environments are deleted one at a time');
      const environment = environments[0];
      const sync = syncs[0];
      if (environment === undefined || sync === undefined) return 1;
      if (!environment.allowDestroys) {
        throw new CliError(
          'destroys-not-allowed',
          `environment ${environment.id} does not allow destroys`,
          {
            hint: 'Set allowDestroys: true on the environment in service.yaml (and apply it) before deleting its workspaces.',
          },
        );
      }
      await confirmDelete(io, options.yes === true, sync);
      for (const result of await deleteEnvironment(client, backend, sync)) {
        io.stdout.write(
          `${result.action === 'deleted' ? colors.red('deleted') : colors.dim('absent ')}  ${result.name}\n`,
        );
      }
      return 0;
    }
    const runMode: RunMode = (options['run-mode'] as RunMode | undefined) ?? backend.runMode;
    for (const sync of syncs) {
      for (const result of await syncEnvironment(client, backend, sync, runMode)) {
        const action =
          result.action === 'created' ? colors.green('created') : colors.cyan('updated');
        io.stdout.write(`${action}  ${result.url}\n`);
      }
    }
    return 0;
  },
});

function environmentSync(
  backend: TerraformCloudBackend,
  serviceID: string,
  serviceDir: string,
  environment: ResolvedEnvironment,
  files: ReadonlyMap<string, string>,
  terraformVersion: string,
): EnvironmentSync {
  const stacks = stackNames(files, environment.id);
  if (stacks.length === 0)
    throw new CliError(
      'no-stacks',
      `generation produced no stacks for environment ${environment.id}`,
    );
  const servicesDir = backend.vcs?.servicesDir ?? '';
  return {
    serviceID,
    environmentID: environment.id,
    workspaces: stacks.map((stack) => ({
      name: workspaceName(backend, serviceID, environment.id, stack),
      stack,
      workingDirectory: [servicesDir, serviceDir, 'terraform', environment.id, 'stacks', stack]
        .filter((part) => part !== '')
        .join('/'),
      allowDestroys: environment.allowDestroys,
      terraformVersion,
    })),
  };
}

async function confirmDelete(
  io: Parameters<typeof canPrompt>[0],
  yes: boolean,
  sync: EnvironmentSync,
): Promise<void> {
  if (yes) return;
  if (!canPrompt(io))
    throw new UsageError('--delete needs confirmation: run it in a terminal or add --yes');
  const names = sync.workspaces.map((w) => w.name).join(', ');
  const prompter = createPrompter(io);
  const ok = await prompter
    .confirm(
      `Delete the Terraform Cloud workspaces ${names} and their project? Their state is lost; infrastructure is not destroyed`,
    )
    .finally(() => prompter.close());
  if (!ok) throw new CliError('aborted', 'nothing deleted');
}
