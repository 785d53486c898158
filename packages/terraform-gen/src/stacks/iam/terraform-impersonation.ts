import { roleIdentifier } from '../../names.js';
import { serviceAccountIAMMember } from '../../resources/service-account-iam-member.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';

/** Lets the account Terraform runs as impersonate the workload (database grants run as it). */
export const IMPERSONATION_ROLES: readonly string[] = [
  'roles/iam.serviceAccountUser',
  'roles/iam.serviceAccountTokenCreator',
];

export function terraformImpersonation(
  { platform }: StackContext,
  workloadName: string,
): Fragment[] {
  const account = platform.terraformServiceAccount;
  if (account === undefined) return [];
  return IMPERSONATION_ROLES.map(
    (role) =>
      serviceAccountIAMMember(`workload_terraform_${roleIdentifier(role)}`, {
        serviceAccountID: workloadName,
        role,
        member: `serviceAccount:${account}`,
      }).fragment,
  );
}
