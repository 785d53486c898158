import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Grants a role on one Cloud Run service. */
export function cloudRunServiceIAMMember(
  id: string,
  config: { name: string; location: string; role: string; member: string },
): { fragment: Fragment } {
  return { fragment: resource('google_cloud_run_v2_service_iam_member', id, { ...config }) };
}
