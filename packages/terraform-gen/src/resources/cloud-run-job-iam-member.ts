import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Grants a role on one Cloud Run job. */
export function cloudRunJobIAMMember(
  id: string,
  config: { name: string; location: string; role: string; member: string },
): { fragment: Fragment } {
  return { fragment: resource('google_cloud_run_v2_job_iam_member', id, { ...config }) };
}
