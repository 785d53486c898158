import type { ResolvedPostgreSQL } from '@msp/spec';
import { address } from '../../fragment.js';
import {
  iamDatabaseUser,
  POSTGRESQL_ADMIN_USER,
  POSTGRESQL_INSTANCE_PREFIX,
  terraformIdentifier,
} from '../../names.js';
import { remoteOutput } from '../../remote-state.js';
import { randomID } from '../../resources/random-id.js';
import { randomPassword } from '../../resources/random-password.js';
import { sqlDatabase } from '../../resources/sql-database.js';
import { sqlDatabaseInstance } from '../../resources/sql-database-instance.js';
import { sqlUser } from '../../resources/sql-user.js';
import type { StackContext } from '../../stack.js';
import { contractEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';
import { datastreamFragments } from './datastream.js';
import { postgresqlGrants } from './postgresql-grants.js';
import type { PrivateNetwork } from './private-network.js';

/**
 * Cloud SQL for PostgreSQL: the instance, its databases, the admin user and
 * IAM users for the workload and operator accounts, database grants, and
 * `PGINSTANCE`/`PGUSER` for the runtime's Cloud SQL connector.
 */
export function postgresqlPart(
  ctx: StackContext,
  pg: ResolvedPostgreSQL,
  network: PrivateNetwork,
): CloudRunPart {
  const { spec, env } = ctx;
  const preventDestroy = !env.allowDestroys;
  const suffix = randomID('postgresql_instance_suffix', { byteLength: 2 });
  const flags = [
    { name: 'cloudsql.iam_authentication', value: 'on' },
    ...(pg.maxConnections === undefined
      ? []
      : [{ name: 'max_connections', value: String(pg.maxConnections) }]),
    ...(pg.logicalReplication === undefined
      ? []
      : [{ name: 'cloudsql.logical_decoding', value: 'on' }]),
  ];
  const instance = sqlDatabaseInstance('postgresql', {
    name: `${POSTGRESQL_INSTANCE_PREFIX}${suffix.outputs.hex}`,
    region: env.region,
    tier: pg.tier,
    highAvailability: pg.highAvailability,
    // Production data gets point-in-time recovery whether or not it is highly available: a
    // zonal instance loses less to a bad migration with it than a regional one does without.
    pointInTimeRecovery: pg.highAvailability || env.category !== 'test',
    databaseFlags: flags,
    privateNetwork: network.networkID,
    publicIP: pg.publicIP,
    preventDestroy,
    dependsOn: [network.connection],
  });
  const databases = pg.databases.map((name) => ({
    name,
    ...sqlDatabase(`postgresql_${terraformIdentifier(name)}`, {
      instance: instance.outputs.name,
      name,
      preventDestroy,
    }),
  }));
  const databaseAddresses = pg.databases.map((name) =>
    address('google_sql_database', `postgresql_${terraformIdentifier(name)}`),
  );
  const adminPassword = randomPassword('postgresql_admin', { length: 32 });
  const admin = sqlUser('postgresql_admin', {
    instance: instance.outputs.name,
    name: POSTGRESQL_ADMIN_USER,
    type: 'BUILT_IN',
    password: adminPassword.outputs.result,
  });
  const workloadUser = iamDatabaseUser(remoteOutput(ctx, 'iam', 'cloud_run_service_account'));
  const operatorUser = iamDatabaseUser(remoteOutput(ctx, 'iam', 'operator_access_service_account'));
  const iamUsers = [
    sqlUser(
      'postgresql_workload',
      { instance: instance.outputs.name, name: workloadUser, type: 'CLOUD_IAM_SERVICE_ACCOUNT' },
      databaseAddresses,
    ),
    sqlUser(
      'postgresql_operator_access',
      { instance: instance.outputs.name, name: operatorUser, type: 'CLOUD_IAM_SERVICE_ACCOUNT' },
      databaseAddresses,
    ),
  ];
  const grants = postgresqlGrants({
    spec,
    pg,
    connectionName: instance.outputs.connectionName,
    adminPassword: adminPassword.outputs.result,
    workloadUser,
    operatorUser,
    workloadEmail: remoteOutput(ctx, 'iam', 'cloud_run_service_account'),
  });
  const publications = pg.logicalReplication?.publications ?? [];
  const datastream =
    publications.length === 0
      ? []
      : datastreamFragments({
          region: env.region,
          networkID: network.networkID,
          subnetworkID: network.subnetworkID,
          connectionName: instance.outputs.connectionName,
          serviceAccountEmail: remoteOutput(ctx, 'iam', 'datastream_service_account'),
          publications,
        });
  return {
    fragments: [
      suffix.fragment,
      instance.fragment,
      ...databases.map((d) => d.fragment),
      adminPassword.fragment,
      admin.fragment,
      ...iamUsers.map((u) => u.fragment),
      ...grants.fragments,
      ...datastream,
    ],
    env: [
      contractEnv(spec.service.kind, 'PGINSTANCE', instance.outputs.connectionName),
      contractEnv(spec.service.kind, 'PGUSER', workloadUser),
    ],
    volumes: [],
    dependsOn: grants.cloudRunDependsOn,
    outputs: {
      cloudsql_instance_name: {
        value: instance.outputs.name,
        description: 'Cloud SQL instance name.',
      },
      cloudsql_connection_name: {
        value: instance.outputs.connectionName,
        description: 'Cloud SQL instance connection name, project:region:instance.',
      },
    },
  };
}
