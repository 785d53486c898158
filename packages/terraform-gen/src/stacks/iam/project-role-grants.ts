import { roleIdentifier } from '../../names.js';
import { projectIAMMember } from '../../resources/project-iam-member.js';
import type { Fragment } from '../../terraform.js';

/** One `google_project_iam_member.<prefix>_<role>` per role. */
export function projectRoleGrants(
  prefix: string,
  project: string,
  roles: readonly string[],
  member: string,
): Fragment[] {
  return roles.map(
    (role) =>
      projectIAMMember(`${prefix}_${roleIdentifier(role)}`, { project, role, member }).fragment,
  );
}
