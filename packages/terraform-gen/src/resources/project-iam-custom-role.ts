import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A project-level custom role; `name` is `projects/<p>/roles/<id>`, usable as a role. */
export function projectIAMCustomRole(
  id: string,
  config: { project: string; roleID: string; title: string; permissions: readonly string[] },
): { fragment: Fragment; outputs: { name: Expression } } {
  return {
    fragment: resource('google_project_iam_custom_role', id, {
      project: config.project,
      role_id: config.roleID,
      title: config.title,
      permissions: [...config.permissions],
    }),
    outputs: { name: resourceRef('google_project_iam_custom_role', id, 'name') },
  };
}
