import { defineCommand } from '../cli/command.js';
import { MspError, UsageError } from '@msp/spec/errors';
import { canPrompt, createPrompter } from '../cli/prompt.js';
import { specPath } from '../spec/prepare-spec.js';
import { planService, type ServicePlan } from '../tfc/service-plan.js';
import { jsonOption } from './shared-options.js';
import { specFiles } from './spec-files.js';
import type { Colors } from '../cli/colors.js';
import type { Io } from '../cli/io.js';
import type { TerraformCloudBackend } from '../tfc/names.js';
import type { EnvironmentSync, SyncResult } from '../tfc/sync.js';
import type { RunMode } from '../tfc/workspace-settings.js';
import type { Category } from '@msp/spec';

const categories: readonly Category[] = ['test', 'internal', 'external'];

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
    '',
    'With --all it syncs every spec under the current directory (or the files given), optionally',
    'only environments of one --category, after confirmation (--yes without a terminal).',
  ].join('\n'),
  positionals: [
    {
      name: 'file',
      variadic: true,
      description:
        'The service.yaml; default: service.yaml in the current directory. With --all: the specs to sync; default: every service.yaml under the current directory.',
    },
  ],
  options: {
    env: {
      type: 'string',
      valueName: 'id',
      description: 'Only this environment; default: every environment.',
    },
    all: {
      type: 'boolean',
      description:
        'Sync every spec under the current directory (or the files given), after confirmation.',
    },
    category: {
      type: 'string',
      valueName: 'category',
      choices: categories,
      description: 'With --all: only environments of this category.',
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
      description: 'Do not ask for confirmation of --delete or --all (needed without a terminal).',
    },
    json: jsonOption,
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
      description: 'Sync the test environments of every service, in CI',
      command: 'msp tfc sync --all --category test --yes --json',
    },
    {
      description: 'Delete the workspaces of a torn-down environment',
      command: 'msp tfc sync --env sandbox --delete',
    },
  ],
  async run({ io, options, args, colors }) {
    checkFlags(options, args);
    const all = options.all === true;
    const files = all ? await specFiles(io, args) : [specPath(io, args[0])];
    const filter = {
      ...(options.env === undefined ? {} : { env: options.env }),
      ...(options.category === undefined ? {} : { category: options.category as Category }),
    };
    const plans: ServicePlan[] = [];
    for (const file of files) plans.push(await planService(io, colors, file, filter));
    const selected = plans.filter((plan) => plan.syncs.length > 0);
    if (selected.length === 0) {
      throw new MspError(
        'no-environments',
        `no ${options.category} environment in ${files.length} spec(s)`,
        {
          hint: 'Drop --category, or pick another one (test, internal, external).',
        },
      );
    }

    const { terraformCloudAddress, terraformCloudToken } = await import('../tfc/token.js');
    const { terraformCloudClient } = await import('../tfc/client.js');
    const { deleteEnvironment, syncEnvironment } = await import('../tfc/sync.js');
    const clientFor = (backend: TerraformCloudBackend) =>
      terraformCloudClient({
        baseURL: terraformCloudAddress(io.env, backend.hostname),
        token: terraformCloudToken(io.env, backend.hostname),
      });
    const clients = selected.map((plan) => clientFor(plan.backend));
    const rows: WorkspaceRow[] = [];
    const report = (serviceID: string, environmentID: string, result: SyncResult): void => {
      rows.push({ service: serviceID, environment: environmentID, ...result });
      if (options.json !== true)
        io.stdout.write(`${actionLabel(colors, result.action)}  ${result.url}\n`);
    };

    if (options.delete === true) {
      const plan = selected[0];
      const environment = plan?.environments[0];
      const sync = plan?.syncs[0];
      const client = clients[0];
      if (
        plan === undefined ||
        environment === undefined ||
        sync === undefined ||
        client === undefined
      )
        return 1;
      if (!environment.allowDestroys) {
        throw new MspError(
          'destroys-not-allowed',
          `environment ${environment.id} does not allow destroys`,
          {
            hint: 'Set allowDestroys: true on the environment in service.yaml (and apply it) before deleting its workspaces.',
          },
        );
      }
      await confirmDelete(io, options.yes === true, sync);
      for (const result of await deleteEnvironment(client, plan.backend, sync))
        report(sync.serviceID, sync.environmentID, result);
    } else {
      const forcedMode = options['run-mode'] as RunMode | undefined;
      if (all) await confirmAll(io, options.yes === true, selected, forcedMode);
      for (const [index, plan] of selected.entries()) {
        const client = clients[index];
        if (client === undefined) continue;
        for (const sync of plan.syncs) {
          for (const result of await syncEnvironment(
            client,
            plan.backend,
            sync,
            forcedMode ?? plan.backend.runMode,
          ))
            report(sync.serviceID, sync.environmentID, result);
        }
      }
    }
    if (options.json === true)
      io.stdout.write(JSON.stringify({ workspaces: rows }, null, 2) + '\n');
    return 0;
  },
});

/** One workspace in `--json` output. */
interface WorkspaceRow extends SyncResult {
  readonly service: string;
  readonly environment: string;
}

function actionLabel(colors: Colors, action: SyncResult['action']): string {
  const label = action.padEnd('unchanged'.length);
  switch (action) {
    case 'created':
      return colors.green(label);
    case 'updated':
      return colors.cyan(label);
    case 'unchanged':
    case 'absent':
      return colors.dim(label);
    case 'deleted':
      return colors.red(label);
  }
}

/** Flag combinations that make no sense, as usage errors (exit 2). */
function checkFlags(
  options: {
    all?: boolean | undefined;
    category?: string | undefined;
    env?: string | undefined;
    delete?: boolean | undefined;
  },
  args: readonly string[],
): void {
  if (options.all === true) {
    if (options.delete === true)
      throw new UsageError(
        '--delete cannot be used with --all: delete one environment at a time with --env',
      );
    if (options.env !== undefined)
      throw new UsageError('--env cannot be used with --all; use --category to narrow --all');
    return;
  }
  if (options.category !== undefined) throw new UsageError('--category needs --all');
  if (args.length > 1) throw new UsageError('several specs need --all');
  if (options.delete === true && options.env === undefined)
    throw new UsageError('--delete needs --env: environments are deleted one at a time');
}

async function confirmAll(
  io: Io,
  yes: boolean,
  plans: readonly ServicePlan[],
  forcedMode: RunMode | undefined,
): Promise<void> {
  if (yes) return;
  if (!canPrompt(io))
    throw new UsageError('--all needs confirmation: run it in a terminal or add --yes');
  const environments = plans.reduce((n, plan) => n + plan.syncs.length, 0);
  const services = plans.map((plan) => plan.serviceID).join(', ');
  const mode =
    forcedMode === undefined ? "each platform config's run mode" : `run mode ${forcedMode}`;
  const prompter = createPrompter(io);
  const ok = await prompter
    .confirm(
      `Sync the Terraform Cloud workspaces of ${environments} environment(s) of ${services}? Every workspace is set to ${mode}`,
    )
    .finally(() => prompter.close());
  if (!ok) throw new MspError('aborted', 'nothing synced');
}
async function confirmDelete(io: Io, yes: boolean, sync: EnvironmentSync): Promise<void> {
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
  if (!ok) throw new MspError('aborted', 'nothing deleted');
}
