import { resourceRef, resource } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

export interface ProjectConfig {
  readonly projectID: string;
  readonly displayName: string;
  readonly billingAccount: string;
  /** `folders/<n>`; absent places the project at the organisation root. */
  readonly folderID?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly preventDestroy: boolean;
}

/** The environment's GCP project, without a default network. */
export function project(
  id: string,
  config: ProjectConfig,
): {
  fragment: Fragment;
  outputs: { projectID: Expression; number: Expression };
} {
  return {
    fragment: resource('google_project', id, {
      name: config.displayName,
      project_id: config.projectID,
      auto_create_network: false,
      billing_account: config.billingAccount,
      ...(config.folderID === undefined ? {} : { folder_id: config.folderID }),
      labels: config.labels,
      // The provider's own guard (PREVENT by default) follows allowDestroys too.
      deletion_policy: config.preventDestroy ? 'PREVENT' : 'DELETE',
      lifecycle: { prevent_destroy: config.preventDestroy },
    }),
    outputs: {
      projectID: resourceRef('google_project', id, 'project_id'),
      number: resourceRef('google_project', id, 'number'),
    },
  };
}
