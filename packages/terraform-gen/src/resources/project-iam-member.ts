import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Grants one project role to one member (additive; never replaces the project policy). */
export function projectIAMMember(
  id: string,
  config: { project: string; role: string; member: string },
): { fragment: Fragment } {
  return { fragment: resource('google_project_iam_member', id, { ...config }) };
}
