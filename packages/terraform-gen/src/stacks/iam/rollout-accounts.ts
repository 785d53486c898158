import { serviceAccount } from '../../resources/service-account.js';
import type { StackContext, StackOutput } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { projectRoleGrants } from './project-role-grants.js';

/**
 * The Cloud Deploy executor (runs renders and deploys) and releaser (creates
 * releases) accounts, in the final rollout stage's environment only.
 */
export function rolloutAccounts({ env }: StackContext): {
  fragments: Fragment[];
  outputs: Record<string, StackOutput>;
} {
  if (env.rolloutStage?.isFinal !== true) return { fragments: [], outputs: {} };
  const executor = serviceAccount('clouddeploy_executor', {
    accountID: 'clouddeploy-executor',
    displayName: 'Cloud Deploy release executor',
  });
  const releaser = serviceAccount('clouddeploy_releaser', {
    accountID: 'clouddeploy-releaser',
    displayName: 'Cloud Deploy release creator',
  });
  return {
    fragments: [
      executor.fragment,
      releaser.fragment,
      ...projectRoleGrants(
        'clouddeploy_executor',
        env.projectID,
        ['roles/clouddeploy.jobRunner'],
        executor.outputs.member,
      ),
    ],
    outputs: {
      cloud_deploy_executor_service_account: {
        value: executor.outputs.email,
        description: 'Cloud Deploy executor account.',
      },
      cloud_deploy_releaser_service_account_id: {
        value: releaser.outputs.email,
        description: 'Cloud Deploy releaser account.',
      },
    },
  };
}
