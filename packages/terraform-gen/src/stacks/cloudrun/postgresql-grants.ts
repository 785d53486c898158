import type { ResolvedPostgreSQL, ResolvedSpec } from '@msp/spec';
import { address } from '../../fragment.js';
import { POSTGRESQL_ADMIN_USER, terraformIdentifier } from '../../names.js';
import { postgresqlGrant } from '../../resources/postgresql-grant.js';
import { postgresqlGrantRole } from '../../resources/postgresql-grant-role.js';
import type { Fragment } from '../../terraform.js';
import { logicalReplication } from './logical-replication.js';

/** PostgreSQL provider aliases: the admin user, and the workload's IAM user through impersonation. */
export const PG_ADMIN = 'postgresql.admin';
export const PG_WORKLOAD = 'postgresql.workload';

export interface PostgreSQLGrantsInput {
  readonly spec: ResolvedSpec;
  readonly pg: ResolvedPostgreSQL;
  readonly connectionName: string;
  readonly adminPassword: string;
  readonly workloadUser: string;
  readonly operatorUser: string;
  readonly workloadEmail: string;
}

/**
 * Grants made inside PostgreSQL with the `cyrilgdn/postgresql` provider
 * (scheme `gcppostgres`: the Cloud SQL connector, no network path needed):
 * the workload user joins cloudsqlsuperuser (it owns its schema), and the
 * operator account may connect and read.
 */
export function postgresqlGrants(input: PostgreSQLGrantsInput): {
  fragments: Fragment[];
  cloudRunDependsOn: string[];
} {
  const { pg } = input;
  const common = {
    scheme: 'gcppostgres',
    host: input.connectionName,
    port: 5432,
    superuser: false,
  };
  const providers: Fragment = {
    provider: {
      postgresql: [
        {
          alias: 'admin',
          ...common,
          username: POSTGRESQL_ADMIN_USER,
          password: input.adminPassword,
        },
        {
          alias: 'workload',
          ...common,
          username: input.workloadUser,
          gcp_iam_impersonate_service_account: input.workloadEmail,
        },
      ],
    },
  };
  const users = [
    address('google_sql_user', 'postgresql_workload'),
    address('google_sql_user', 'postgresql_operator_access'),
  ];
  const superuser = postgresqlGrantRole('workload_cloudsqlsuperuser', {
    provider: PG_ADMIN,
    role: input.workloadUser,
    grantRole: 'cloudsqlsuperuser',
    withAdminOption: true,
    dependsOn: [...users, address('google_sql_user', 'postgresql_admin')],
  });
  const superuserAddress = address('postgresql_grant_role', 'workload_cloudsqlsuperuser');
  const operator = pg.databases.flatMap((db) => {
    const id = `operator_access_${terraformIdentifier(db)}`;
    return [
      postgresqlGrant(`${id}_connect`, {
        provider: PG_ADMIN,
        database: db,
        role: input.operatorUser,
        objectType: 'database',
        privileges: ['CONNECT'],
        dependsOn: [...users, address('google_sql_user', 'postgresql_admin')],
      }).fragment,
      // The workload owns the tables, so it grants read access to them.
      postgresqlGrant(`${id}_select`, {
        provider: PG_WORKLOAD,
        database: db,
        role: input.operatorUser,
        objectType: 'table',
        schema: 'public',
        objects: [],
        privileges: ['SELECT'],
        dependsOn: [superuserAddress],
      }).fragment,
    ];
  });
  const replication = logicalReplication(input, superuserAddress);
  return {
    fragments: [providers, superuser.fragment, ...operator, ...replication],
    cloudRunDependsOn: [superuserAddress],
  };
}
