import { WORKLOAD_CUSTOM_ROLE_ID } from '../../names.js';
import { projectIAMCustomRole } from '../../resources/project-iam-custom-role.js';
import { projectIAMMember } from '../../resources/project-iam-member.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { projectRoleGrants } from './project-role-grants.js';

/** Roles every workload gets, after the spec's `iam.roles`. */
export const WORKLOAD_DEFAULT_ROLES: readonly string[] = [
  'roles/secretmanager.secretAccessor',
  'roles/compute.networkUser',
  'roles/cloudtrace.agent',
  'roles/monitoring.metricWriter',
  'roles/cloudprofiler.agent',
  'roles/cloudsql.client',
  'roles/cloudsql.instanceUser',
];

/** The workload's project roles, plus a custom role holding `iam.permissions` when set. */
export function workloadRoles({ spec, env }: StackContext, member: string): Fragment[] {
  const roles = [...new Set([...spec.service.iam.roles, ...WORKLOAD_DEFAULT_ROLES])];
  const fragments = projectRoleGrants('workload', env.projectID, roles, member);
  if (spec.service.iam.permissions.length > 0) {
    const custom = projectIAMCustomRole('workload_custom_role', {
      project: env.projectID,
      roleID: WORKLOAD_CUSTOM_ROLE_ID,
      title: 'Managed Services Platform workload custom role',
      permissions: [...spec.service.iam.permissions].sort(),
    });
    fragments.push(
      custom.fragment,
      projectIAMMember('workload_custom_role', {
        project: env.projectID,
        role: custom.outputs.name,
        member,
      }).fragment,
    );
  }
  return fragments;
}
