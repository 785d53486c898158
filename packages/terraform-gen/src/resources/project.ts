import { resourceRef, resource } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

export interface ProjectConfig {
  readonly projectID: string;
  readonly displayName: string;
  /** The billing account, or a reference to the input variable holding it. */
  readonly billingAccount: string | Expression;
  /**
   * The parent: a folder (`folders/<n>`) or an organisation number (the
   * provider takes one or the other); neither leaves the project without one.
   */
  readonly parent?: { readonly folderID: string } | { readonly orgID: string };
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
      ...(config.parent === undefined
        ? {}
        : 'folderID' in config.parent
          ? { folder_id: config.parent.folderID }
          : { org_id: config.parent.orgID }),
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
