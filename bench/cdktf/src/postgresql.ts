// Cloud SQL for PostgreSQL: the instance, databases, users, and the grants made
// through the PostgreSQL provider (the workload is a superuser, operators read only).
import { Fn, type TerraformStack } from 'cdktf';
import { SqlDatabase } from '@cdktf/provider-google/lib/sql-database/index.js';
import { SqlDatabaseInstance } from '@cdktf/provider-google/lib/sql-database-instance/index.js';
import { SqlUser } from '@cdktf/provider-google/lib/sql-user/index.js';
import { Id } from '@cdktf/provider-random/lib/id/index.js';
import { Password } from '@cdktf/provider-random/lib/password/index.js';
import { SERVICE, type EnvironmentConfig } from './config.ts';
import { PostgresqlProvider, postgresqlResource } from './postgresql-provider.ts';
import type { PrivateNetwork } from './private-network.ts';

export interface Postgresql {
  readonly connectionName: string;
  readonly instanceName: string;
  readonly workloadUser: string;
  readonly superuserGrant: ReturnType<typeof postgresqlResource>;
}

const iamUser = (email: string): string => Fn.trimsuffix(email, '.gserviceaccount.com');

export function postgresql(
  stack: TerraformStack,
  env: EnvironmentConfig,
  network: PrivateNetwork,
  accounts: { readonly workload: string; readonly operator: string },
): Postgresql {
  const suffix = new Id(stack, 'postgresql_instance_suffix', { byteLength: 2 });
  const ha = env.postgres.highAvailability;
  const instance = new SqlDatabaseInstance(stack, 'postgresql', {
    name: `postgresql-${suffix.hex}`,
    databaseVersion: 'POSTGRES_15',
    region: SERVICE.region,
    deletionProtection: env.preventDestroy,
    dependsOn: [network.connection],
    lifecycle: { preventDestroy: env.preventDestroy, ignoreChanges: ['settings[0].disk_size'] },
    settings: {
      tier: env.postgres.tier,
      availabilityType: ha ? 'REGIONAL' : 'ZONAL',
      deletionProtectionEnabled: env.preventDestroy,
      diskType: 'PD_SSD',
      diskSize: 10,
      diskAutoresize: true,
      diskAutoresizeLimit: 0,
      databaseFlags: [{ name: 'cloudsql.iam_authentication', value: 'on' }],
      backupConfiguration: {
        enabled: true,
        pointInTimeRecoveryEnabled: ha,
        startTime: '10:00',
        transactionLogRetentionDays: 7,
        backupRetentionSettings: { retainedBackups: 90, retentionUnit: 'COUNT' },
      },
      maintenanceWindow: { updateTrack: 'stable', day: 1, hour: 15 },
      insightsConfig: {
        queryInsightsEnabled: true,
        queryStringLength: 4096,
        recordApplicationTags: true,
        recordClientAddress: true,
      },
      ipConfiguration: {
        ipv4Enabled: true,
        privateNetwork: network.network.id,
        sslMode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED',
        enablePrivatePathForGoogleCloudServices: true,
      },
    },
  });
  const databases = SERVICE.databases.map(
    (name) =>
      new SqlDatabase(stack, `postgresql_${name}`, {
        name,
        instance: instance.name,
        deletionPolicy: 'ABANDON',
        lifecycle: { preventDestroy: true },
      }),
  );
  const password = new Password(stack, 'postgresql_admin_password', { length: 32, special: false });
  password.overrideLogicalId('postgresql_admin');
  const admin = new SqlUser(stack, 'postgresql_admin', {
    instance: instance.name,
    name: 'msp-admin',
    password: password.result,
    type: 'BUILT_IN',
    deletionPolicy: 'ABANDON',
  });
  const iamSqlUser = (id: string, email: string) =>
    new SqlUser(stack, id, {
      instance: instance.name,
      name: iamUser(email),
      type: 'CLOUD_IAM_SERVICE_ACCOUNT',
      deletionPolicy: 'ABANDON',
      dependsOn: databases,
    });
  const workload = iamSqlUser('postgresql_workload', accounts.workload);
  const operator = iamSqlUser('postgresql_operator_access', accounts.operator);
  const users = [workload, operator, admin];

  const connection = {
    host: instance.connectionName,
    port: 5432,
    scheme: 'gcppostgres',
    superuser: false,
  };
  const adminProvider = new PostgresqlProvider(stack, 'postgresql_admin_provider', 'admin', {
    ...connection,
    username: 'msp-admin',
    password: password.result,
  });
  const workloadProvider = new PostgresqlProvider(
    stack,
    'postgresql_workload_provider',
    'workload',
    {
      ...connection,
      username: iamUser(accounts.workload),
      gcp_iam_impersonate_service_account: accounts.workload,
    },
  );
  const superuserGrant = postgresqlResource(
    stack,
    'postgresql_grant_role',
    'workload_cloudsqlsuperuser',
    adminProvider,
    users,
    { role: iamUser(accounts.workload), grant_role: 'cloudsqlsuperuser', with_admin_option: true },
  );
  for (const database of SERVICE.databases) {
    const operatorRole = iamUser(accounts.operator);
    postgresqlResource(
      stack,
      'postgresql_grant',
      `operator_access_${database}_connect`,
      adminProvider,
      users,
      {
        database,
        role: operatorRole,
        object_type: 'database',
        privileges: ['CONNECT'],
      },
    );
    postgresqlResource(
      stack,
      'postgresql_grant',
      `operator_access_${database}_select`,
      workloadProvider,
      [superuserGrant],
      {
        database,
        role: operatorRole,
        schema: 'public',
        object_type: 'table',
        objects: [],
        privileges: ['SELECT'],
      },
    );
  }
  return {
    connectionName: instance.connectionName,
    instanceName: instance.name,
    workloadUser: iamUser(accounts.workload),
    superuserGrant,
  };
}
