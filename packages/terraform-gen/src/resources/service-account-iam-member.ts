import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Grants a role on a service account (e.g. who may impersonate it). */
export function serviceAccountIAMMember(
  id: string,
  config: { serviceAccountID: string; role: string; member: string },
): { fragment: Fragment } {
  return {
    fragment: resource('google_service_account_iam_member', id, {
      service_account_id: config.serviceAccountID,
      role: config.role,
      member: config.member,
    }),
  };
}
