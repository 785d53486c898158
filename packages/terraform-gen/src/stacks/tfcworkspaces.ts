import { address, dataRef, dataSource, ephemeralRef, ephemeralResource } from '../fragment.js';
import { stateLocation } from '../names.js';
import {
  tfeProject,
  tfeRunFailureNotification,
  tfeWorkspace,
  tfeWorkspaceRun,
} from '../resources/tfe.js';
import type { Stack, StackContext, StackName } from '../stack.js';
import type { Fragment } from '../terraform.js';

/** The stacks whose workspaces this stack manages, in apply order. */
const MANAGED_STACKS: readonly StackName[] = ['project', 'iam', 'cloudrun', 'monitoring'];

/**
 * Stack `tfcworkspaces` (Terraform Cloud state only): the environment's
 * Terraform Cloud project and one workspace per stack, tagged, auto-applying
 * and sharing state; a first apply runs the stacks in order and a destroy
 * tears them down in reverse. Bootstrap it once with the CLI; its provider
 * reads the token from `state.tokenSecret` (ephemerally) or else from
 * `TFE_TOKEN`.
 */
export function tfcWorkspacesStack({ spec, env, platform }: StackContext): Stack | undefined {
  const state = platform.state;
  if (state.type !== 'terraform-cloud') return undefined;
  const svc = spec.service.id;
  const project = tfeProject('environment', {
    name: `${state.workspacePrefix}-${svc}-${env.id}`,
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
  for (const stack of MANAGED_STACKS) {
    const vcs = state.runMode === 'vcs' ? state.vcs : undefined;
    const workspace = tfeWorkspace(stack, {
      name: stateLocation(state, svc, env.id, stack),
      organization: state.organization,
      projectID: project.outputs.id,
      description: `msp stack ${stack} of ${spec.service.name} (${env.id})`,
      tags: ['msp', `msp-service-${svc}`, `msp-env-${svc}-${env.id}`],
      terraformVersion: platform.terraformVersion,
      allowDestroyPlan: env.allowDestroys,
      ...(vcs === undefined
        ? {}
        : {
            vcs: {
              repository: vcs.repository,
              branch: vcs.branch,
              ...(vcs.oauthTokenID === undefined ? {} : { oauthTokenID: vcs.oauthTokenID }),
              directory: `${vcs.servicesDir}/${svc}/terraform/${env.id}/stacks/${stack}`,
            },
          }),
    });
    fragments.push(...workspace.fragments);
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
    fragments.push(
      tfeWorkspaceRun(stack, { workspaceID: workspace.outputs.id, after: previous }).fragment,
    );
    previous = [address('tfe_workspace_run', stack), address('tfe_workspace_settings', stack)];
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
