import { dataRef, dataSource, dependsOn, resource } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/**
 * Reads a Terraform Cloud project that `msp tfc sync` created. The stack
 * never creates projects or workspaces: the sync owns them (one owner per
 * object, docs/concepts/architecture.md).
 */
export function tfeProjectData(
  id: string,
  config: { name: string; organization: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: dataSource('tfe_project', id, {
      name: config.name,
      organization: config.organization,
    }),
    outputs: { id: dataRef('tfe_project', id, 'id') },
  };
}

/** Reads a workspace that `msp tfc sync` created. */
export function tfeWorkspaceData(
  id: string,
  config: { name: string; organization: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: dataSource('tfe_workspace', id, {
      name: config.name,
      organization: config.organization,
    }),
    outputs: { id: dataRef('tfe_workspace', id, 'id') },
  };
}

/** Applies a workspace once when created and destroys it on teardown, waiting for the run, after `after`. */
export function tfeWorkspaceRun(
  id: string,
  config: { workspaceID: Expression; after: readonly string[] },
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
  config: { workspaceID: Expression; url: Expression },
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
