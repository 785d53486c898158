import { DATASTREAM_SERVICE_ACCOUNT_ID } from '../../names.js';
import { serviceAccount } from '../../resources/service-account.js';
import type { StackContext, StackOutput } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { projectRoleGrants } from './project-role-grants.js';

/** The Cloud SQL proxy VM's account, when the environment has logical replication publications. */
export function datastreamAccount({ env }: StackContext): {
  fragments: Fragment[];
  outputs: Record<string, StackOutput>;
} {
  if ((env.resources.postgreSQL?.logicalReplication?.publications.length ?? 0) === 0)
    return { fragments: [], outputs: {} };
  const account = serviceAccount('datastream_to_cloudsql', {
    accountID: DATASTREAM_SERVICE_ACCOUNT_ID,
    displayName: 'Datastream to Cloud SQL proxy',
  });
  return {
    fragments: [
      account.fragment,
      ...projectRoleGrants(
        'datastream_to_cloudsql',
        env.projectID,
        ['roles/cloudsql.client'],
        account.outputs.member,
      ),
    ],
    outputs: {
      datastream_service_account: {
        value: account.outputs.email,
        description: 'Email of the Cloud SQL proxy service account Datastream connects through.',
      },
    },
  };
}
