import { MspError } from '@msp/spec/errors';
import type { TerraformCloudBackend } from './names.js';
import type { WorkspaceAttributes } from './client.js';

/** How workspaces get their runs: from the VCS repository, from the CLI, or leave VCS settings alone. */
export type RunMode = 'vcs' | 'cli' | 'ignore';

export interface WorkspaceTarget {
  readonly name: string;
  readonly stack: string;
  /** Path of the stack's directory from the repository root, `/`-separated. */
  readonly workingDirectory: string;
  readonly allowDestroys: boolean;
  readonly terraformVersion: string;
}

/**
 * The attributes msp sets on a stack's workspace (inventory §2.9): remote
 * execution, auto-apply, global remote state (stacks read each other's
 * outputs), destroy plans only when `allowDestroys`, and per run mode the VCS
 * connection with the stack's working directory and trigger prefix.
 */
export function workspaceAttributes(
  backend: TerraformCloudBackend,
  target: WorkspaceTarget,
  runMode: RunMode,
): WorkspaceAttributes {
  const common = {
    name: target.name,
    'execution-mode': 'remote',
    'terraform-version': target.terraformVersion,
    'auto-apply': true,
    'global-remote-state': true,
    'allow-destroy-plan': target.allowDestroys,
  };
  if (runMode === 'ignore') return common;
  if (runMode === 'cli') return { ...common, 'vcs-repo': null, 'working-directory': '' };
  const vcs = backend.vcs;
  if (vcs === undefined) {
    throw new MspError(
      'tfc-vcs-missing',
      'run mode vcs needs state.vcs (repository, branch, oauthTokenID) in the platform config',
      {
        hint: 'Add state.vcs to msp.config.yaml, or use --run-mode cli.',
      },
    );
  }
  if (vcs.oauthTokenID === undefined) {
    throw new MspError(
      'tfc-oauth-token-missing',
      'run mode vcs needs state.vcs.oauthTokenID (the ot-... ID of the VCS connection) in the platform config',
      {
        hint: 'Find it under Settings → Version Control → Providers in Terraform Cloud, or use --run-mode cli.',
      },
    );
  }
  return {
    ...common,
    'working-directory': target.workingDirectory,
    'trigger-prefixes': [target.workingDirectory],
    'vcs-repo': {
      identifier: vcs.repository,
      branch: vcs.branch,
      'oauth-token-id': vcs.oauthTokenID,
    },
  };
}
