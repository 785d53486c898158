import { address, dataRef, dataSource, ephemeralRef, ephemeralResource } from '../fragment.js';
import { tableName } from '../names.js';
import {
  tfeProjectData,
  tfeRunFailureNotification,
  tfeWorkspaceData,
  tfeWorkspaceRun,
} from '../resources/tfe.js';
import type { Stack, StackContext, StackName } from '../stack.js';
import type { Fragment } from '../terraform.js';

/** The stacks whose workspaces this stack runs, in apply order. */
const RUN_STACKS: readonly StackName[] = ['project', 'iam', 'cloudrun', 'monitoring'];

/**
 * Stack `tfcworkspaces` (Terraform Cloud state only). `msp tfc sync` owns the
 * environment's Terraform Cloud project and workspaces; this stack only reads
 * them and owns what hangs off them: a Slack notification of failed runs on
 * every workspace (its own included) and, in `runMode: vcs`, a run chain that
 * applies the stacks in order on first apply and destroys them in reverse
 * (in `runMode: cli` the workspaces have no configuration to run, and
 * `msp apply` orders the runs instead). Its provider reads the token from
 * `state.tokenSecret` (ephemerally) or else from `TFE_TOKEN`.
 */
export function tfcWorkspacesStack({ env, platform }: StackContext): Stack | undefined {
  const state = platform.state;
  if (state.type !== 'terraform-cloud') return undefined;
  const project = tfeProjectData('environment', {
    name: tableName(env.names.terraformCloud, 'Terraform Cloud names').project,
    organization: state.organization,
  });
  const token = state.tokenSecret;
  const fragments: Fragment[] = [
    {
      provider: {
        tfe: [
          {
            hostname: state.hostname,
            organization: state.organization,
            ...(token === undefined
              ? {}
              : {
                  token: ephemeralRef(
                    'google_secret_manager_secret_version',
                    'tfe_token',
                    'secret_data',
                  ),
                }),
          },
        ],
      },
    },
    project.fragment,
  ];
  if (token !== undefined)
    fragments.push(
      ephemeralResource('google_secret_manager_secret_version', 'tfe_token', {
        project: token.project,
        secret: token.secret,
      }),
    );
  const webhook = state.notificationWebhookSecret;
  if (webhook !== undefined)
    fragments.push(
      dataSource('google_secret_manager_secret_version', 'tfc_notification_webhook', webhook),
    );
  if (webhook !== undefined || token !== undefined) fragments.push({ provider: { google: [{}] } });

  let previous: string[] = [];
  for (const stack of [...RUN_STACKS, 'tfcworkspaces' as const]) {
    const workspace = tfeWorkspaceData(stack, {
      name: env.names.stateLocations[stack],
      organization: state.organization,
    });
    fragments.push(workspace.fragment);
    if (webhook !== undefined) {
      fragments.push(
        tfeRunFailureNotification(stack, {
          workspaceID: workspace.outputs.id,
          url: dataRef(
            'google_secret_manager_secret_version',
            'tfc_notification_webhook',
            'secret_data',
          ),
        }).fragment,
      );
    }
    if (state.runMode === 'vcs' && stack !== 'tfcworkspaces') {
      fragments.push(
        tfeWorkspaceRun(stack, { workspaceID: workspace.outputs.id, after: previous }).fragment,
      );
      previous = [address('tfe_workspace_run', stack)];
    }
  }
  return {
    name: 'tfcworkspaces',
    fragments,
    outputs: {
      tfc_project_id: {
        value: project.outputs.id,
        description: 'ID of the Terraform Cloud project.',
      },
    },
  };
}
