import { dependsOn, resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A Terraform Cloud project grouping an environment's workspaces. */
export function tfeProject(
  id: string,
  config: { name: string; organization: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('tfe_project', id, { name: config.name, organization: config.organization }),
    outputs: { id: resourceRef('tfe_project', id, 'id') },
  };
}

export interface TFEWorkspaceConfig {
  readonly name: string;
  readonly organization: string;
  readonly projectID: string;
  readonly description: string;
  readonly tags: readonly string[];
  readonly terraformVersion: string;
  readonly allowDestroyPlan: boolean;
  /** VCS-driven runs from this directory of the repository; absent for CLI-driven workspaces. */
  readonly vcs?: {
    readonly repository: string;
    readonly branch: string;
    readonly oauthTokenID?: string;
    readonly directory: string;
  };
}

/** A workspace that applies automatically, with remote state readable by the environment's other stacks. */
export function tfeWorkspace(
  id: string,
  c: TFEWorkspaceConfig,
): { fragments: Fragment[]; outputs: { id: Expression } } {
  const workspaceID = resourceRef('tfe_workspace', id, 'id');
  return {
    fragments: [
      resource('tfe_workspace', id, {
        name: c.name,
        organization: c.organization,
        project_id: c.projectID,
        description: c.description,
        tag_names: [...c.tags],
        terraform_version: c.terraformVersion,
        auto_apply: true,
        allow_destroy_plan: c.allowDestroyPlan,
        ...(c.vcs === undefined
          ? {}
          : {
              working_directory: c.vcs.directory,
              trigger_prefixes: [c.vcs.directory],
              vcs_repo: [
                {
                  identifier: c.vcs.repository,
                  branch: c.vcs.branch,
                  ...(c.vcs.oauthTokenID === undefined
                    ? {}
                    : { oauth_token_id: c.vcs.oauthTokenID }),
                },
              ],
            }),
      }),
      resource('tfe_workspace_settings', id, {
        workspace_id: workspaceID,
        execution_mode: 'remote',
        global_remote_state: true,
      }),
    ],
    outputs: { id: workspaceID },
  };
}

/** Applies a workspace once when created and destroys it on teardown, waiting for the run, after `after`. */
export function tfeWorkspaceRun(
  id: string,
  config: { workspaceID: string; after: readonly string[] },
): { fragment: Fragment } {
  const run = [{ manual_confirm: false, wait_for_run: true }];
  return {
    fragment: resource('tfe_workspace_run', id, {
      workspace_id: config.workspaceID,
      apply: run,
      destroy: run,
      ...dependsOn(config.after),
    }),
  };
}

/** Notifies a Slack webhook when a run errors. */
export function tfeRunFailureNotification(
  id: string,
  config: { workspaceID: string; url: string },
): { fragment: Fragment } {
  return {
    fragment: resource('tfe_notification_configuration', id, {
      name: 'msp-run-failures',
      workspace_id: config.workspaceID,
      destination_type: 'slack',
      url: config.url,
      triggers: ['run:errored'],
      enabled: true,
    }),
  };
}
