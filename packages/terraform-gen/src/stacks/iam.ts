import { googleProvider } from '../providers.js';
import { randomID } from '../resources/random-id.js';
import { serviceAccount } from '../resources/service-account.js';
import type { Stack, StackContext } from '../stack.js';
import { cloudRunAgentGrants } from './iam/cloud-run-agent.js';
import { crossProjectSecretGrants } from './iam/cross-project-secrets.js';
import { datastreamAccount } from './iam/datastream.js';
import { rolloutAccounts } from './iam/rollout-accounts.js';
import { terraformImpersonation } from './iam/terraform-impersonation.js';
import { workloadRoles } from './iam/workload-roles.js';
import { projectRoleGrants } from './iam/project-role-grants.js';

/** Roles of the operator access account: connect to Cloud SQL, nothing more (read-only intent). */
export const OPERATOR_ACCESS_ROLES: readonly string[] = [
  'roles/cloudsql.client',
  'roles/cloudsql.instanceUser',
];

/**
 * Stack `iam`: the workload service account and its roles, the operator
 * access account, the Cloud Run service agent's access to private images and
 * the workload's access to secrets in other projects.
 */
export function iamStack(ctx: StackContext): Stack {
  const { spec, env } = ctx;
  const workload = serviceAccount('workload', {
    accountID: spec.names.workloadServiceAccountID,
    displayName: `${spec.service.name} Service Account`,
    preventDestroy: !env.allowDestroys,
  });
  const suffix = randomID('operator_access_suffix', { byteLength: 3 });
  const operator = serviceAccount('operator_access', {
    accountID: `${spec.names.operatorAccessAccountPrefix}${suffix.outputs.hex}`,
    displayName: `${spec.service.name} Operator Access Service Account`,
  });

  const datastream = datastreamAccount(ctx);
  const rollout = rolloutAccounts(ctx);
  return {
    name: 'iam',
    fragments: [
      googleProvider(env),
      workload.fragment,
      ...workloadRoles(ctx, workload.outputs.member),
      ...terraformImpersonation(ctx, workload.outputs.name),
      suffix.fragment,
      operator.fragment,
      ...projectRoleGrants(
        'operator_access',
        env.projectID,
        OPERATOR_ACCESS_ROLES,
        operator.outputs.member,
      ),
      ...cloudRunAgentGrants(ctx),
      ...crossProjectSecretGrants(ctx, workload.outputs.member),
      ...datastream.fragments,
      ...rollout.fragments,
    ],
    outputs: {
      cloud_run_service_account: {
        value: workload.outputs.email,
        description: 'Email of the workload service account.',
      },
      operator_access_service_account: {
        value: operator.outputs.email,
        description: 'Email of the operator access service account.',
      },
      ...datastream.outputs,
      ...rollout.outputs,
    },
  };
}
