import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Grants a role on one Secret Manager secret, possibly in another project. */
export function secretIAMMember(
  id: string,
  config: { project: string; secretID: string; role: string; member: string },
): { fragment: Fragment } {
  return {
    fragment: resource('google_secret_manager_secret_iam_member', id, {
      project: config.project,
      secret_id: config.secretID,
      role: config.role,
      member: config.member,
    }),
  };
}
