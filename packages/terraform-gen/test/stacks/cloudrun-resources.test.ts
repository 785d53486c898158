import { renderStackSet } from '../../src/index.js';
import { FIXTURES } from '../fixtures/index.js';
import { synthesizeCase, synthesizeFixture } from '../generate-fixture.js';
import {
  containerEnv,
  expectNoResource,
  expectResource,
  resourcesOf,
  stackOf,
} from '../expect-resource.js';

const data = synthesizeCase('service-data');
const replication = synthesizeCase('job-replication');
const prod = stackOf(data, 'prod', 'cloudrun');
const dev = stackOf(data, 'dev', 'cloudrun');
const basic = stackOf(synthesizeCase('service-basic'), 'prod', 'cloudrun');

describe('private network', () => {
  it('is created once, with Private Google Access, flow logs and a peering range for managed services', () => {
    expect(Object.keys(resourcesOf(prod, 'google_compute_network'))).toEqual(['private_network']);
    expectResource(prod, 'google_compute_network', {
      name: 'data-svc',
      auto_create_subnetworks: false,
    });
    expectResource(prod, 'google_compute_subnetwork', {
      ip_cidr_range: '10.0.0.0/28',
      private_ip_google_access: true,
      log_config: [
        {
          aggregation_interval: 'INTERVAL_10_MIN',
          flow_sampling: 0.5,
          metadata: 'INCLUDE_ALL_METADATA',
        },
      ],
    });
    expectResource(prod, 'google_compute_global_address', {
      purpose: 'VPC_PEERING',
      address_type: 'INTERNAL',
      prefix_length: 16,
    });
    expectResource(prod, 'google_service_networking_connection', {
      service: 'servicenetworking.googleapis.com',
    });
  });

  it('is reached from Cloud Run by direct VPC egress for private ranges only', () => {
    expectResource(prod, 'google_cloud_run_v2_service', {
      template: [
        {
          vpc_access: [
            {
              egress: 'PRIVATE_RANGES_ONLY',
              network_interfaces: [
                {
                  network: '${google_compute_network.private_network.id}',
                  subnetwork: '${google_compute_subnetwork.private_network.id}',
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('is absent when no resource needs it', () => {
    expectNoResource(basic, 'google_compute_network');
    expect(JSON.stringify(resourcesOf(basic, 'google_cloud_run_v2_service'))).not.toContain(
      'vpc_access',
    );
  });
});

describe('Redis', () => {
  it('has AUTH and TLS on, lives on the private network, persists daily', () => {
    for (const stack of [prod, dev]) {
      expectResource(stack, 'google_redis_instance', {
        auth_enabled: true,
        transit_encryption_mode: 'SERVER_AUTHENTICATION',
        authorized_network: '${google_compute_network.private_network.id}',
        persistence_config: [{ persistence_mode: 'RDB', rdb_snapshot_period: 'TWENTY_FOUR_HOURS' }],
      });
    }
  });

  it('takes tier and name from highAvailability', () => {
    expectResource(prod, 'google_redis_instance', {
      name: 'redis',
      tier: 'STANDARD_HA',
      memory_size_gb: 5,
    });
    expectResource(dev, 'google_redis_instance', {
      name: 'redis-basic',
      tier: 'BASIC',
      memory_size_gb: 1,
    });
  });

  it('passes the rediss:// URL with the AUTH string as a pinned secret reference, never as a plain value', () => {
    expect(containerEnv(prod)['REDIS_ENDPOINT']).toEqual({
      value_source: [
        {
          secret_key_ref: [
            {
              secret: '${google_secret_manager_secret.redis_endpoint.secret_id}',
              version: '${google_secret_manager_secret_version.redis_endpoint.version}',
            },
          ],
        },
      ],
    });
    expectResource(
      prod,
      'google_secret_manager_secret_version',
      {
        secret_data:
          'rediss://:${google_redis_instance.redis.auth_string}@${google_redis_instance.redis.host}:${google_redis_instance.redis.port}',
      },
      'redis_endpoint',
    );
  });

  it('mounts the server CA where the runtime trusts it', () => {
    expectResource(prod, 'google_cloud_run_v2_service', {
      template: [
        {
          containers: [
            { volume_mounts: [{ name: 'redis-ca-cert', mount_path: '/etc/ssl/custom-certs' }] },
          ],
          volumes: [
            {
              name: 'redis-ca-cert',
              secret: [{ items: [{ path: 'redis-ca-cert.pem', mode: 0o444 }] }],
            },
          ],
        },
      ],
    });
    expect(containerEnv(prod)['SSL_CERT_DIR']).toBe('/etc/ssl/certs:/etc/ssl/custom-certs');
  });
});

describe('Cloud SQL', () => {
  it('accepts only IAM-authorised TLS connections with trusted client certificates, on the private network', () => {
    const instance = expectResource(prod, 'google_sql_database_instance', {
      database_version: 'POSTGRES_15',
      settings: [
        {
          ip_configuration: [
            {
              ssl_mode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED',
              private_network: '${google_compute_network.private_network.id}',
              enable_private_path_for_google_cloud_services: true,
            },
          ],
        },
      ],
      depends_on: ['google_service_networking_connection.service_networking'],
    });
    expect(JSON.stringify(instance)).not.toContain('authorized_networks');
    expect(JSON.stringify(instance)).toContain(
      '{"name":"cloudsql.iam_authentication","value":"on"}',
    );
  });

  it('has a public IP by default and none with publicIP: false, keeping the private network', () => {
    const ip = (stack: typeof prod) =>
      (
        resourcesOf(stack, 'google_sql_database_instance')['postgresql']?.['settings'] as {
          ip_configuration: { ipv4_enabled: boolean; private_network: string }[];
        }[]
      )[0]?.ip_configuration[0];
    expect(ip(prod)).toMatchObject({ ipv4_enabled: true });
    expect(ip(stackOf(replication, 'dev', 'cloudrun'))).toMatchObject({
      ipv4_enabled: false,
      private_network: '${google_compute_network.private_network.id}',
    });
  });

  it('backs up daily keeping 90, with point-in-time recovery in production or when highly available', () => {
    const backup = (pitr: boolean) => ({
      settings: [
        {
          backup_configuration: [
            {
              enabled: true,
              point_in_time_recovery_enabled: pitr,
              start_time: '10:00',
              transaction_log_retention_days: 7,
              backup_retention_settings: [{ retained_backups: 90, retention_unit: 'COUNT' }],
            },
          ],
        },
      ],
    });
    expectResource(prod, 'google_sql_database_instance', {
      ...backup(true),
      settings: [{ ...backup(true).settings[0], availability_type: 'REGIONAL' }],
    });
    expectResource(dev, 'google_sql_database_instance', {
      ...backup(false),
      settings: [{ ...backup(false).settings[0], availability_type: 'ZONAL' }],
    });
    // service-large: staging is an internal (production) category without high availability.
    expectResource(
      stackOf(synthesizeCase('service-large'), 'staging', 'cloudrun'),
      'google_sql_database_instance',
      { ...backup(true), settings: [{ ...backup(true).settings[0], availability_type: 'ZONAL' }] },
    );
  });

  it('applies tier and max_connections, and logical decoding when replication is configured', () => {
    const p = JSON.stringify(resourcesOf(prod, 'google_sql_database_instance'));
    expect(p).toContain('"tier":"db-custom-4-16384"');
    expect(p).toContain('{"name":"max_connections","value":"500"}');
    expect(p).not.toContain('logical_decoding');
    expect(
      JSON.stringify(
        resourcesOf(stackOf(replication, 'dev', 'cloudrun'), 'google_sql_database_instance'),
      ),
    ).toContain('{"name":"cloudsql.logical_decoding","value":"on"}');
  });

  it('is protected from deletion (Terraform and API) unless allowDestroys', () => {
    expectResource(prod, 'google_sql_database_instance', {
      deletion_protection: true,
      settings: [{ deletion_protection_enabled: true }],
      lifecycle: { prevent_destroy: true },
    });
    expectResource(dev, 'google_sql_database_instance', {
      deletion_protection: false,
      settings: [{ deletion_protection_enabled: false }],
      lifecycle: { prevent_destroy: false },
    });
    for (const db of Object.values(resourcesOf(prod, 'google_sql_database'))) {
      expect(db).toMatchObject({
        deletion_policy: 'ABANDON',
        lifecycle: { prevent_destroy: true },
      });
    }
  });

  it('creates one database per name and IAM users for the workload and operator accounts', () => {
    expect(
      Object.values(resourcesOf(prod, 'google_sql_database'))
        .map((d) => d['name'])
        .sort(),
    ).toEqual(['audit-log', 'primary']);
    expectResource(
      prod,
      'google_sql_user',
      {
        type: 'CLOUD_IAM_SERVICE_ACCOUNT',
        name: '${trimsuffix(data.terraform_remote_state.iam.outputs.cloud_run_service_account, ".gserviceaccount.com")}',
        deletion_policy: 'ABANDON',
      },
      'postgresql_workload',
    );
    expectResource(
      prod,
      'google_sql_user',
      {
        type: 'CLOUD_IAM_SERVICE_ACCOUNT',
        name: '${trimsuffix(data.terraform_remote_state.iam.outputs.operator_access_service_account, ".gserviceaccount.com")}',
      },
      'postgresql_operator_access',
    );
    expectResource(prod, 'google_sql_user', {
      type: 'BUILT_IN',
      name: 'msp-admin',
      password: '${random_password.postgresql_admin.result}',
    });
  });

  it('gives the runtime PGINSTANCE and PGUSER, and outputs the connection name', () => {
    expect(containerEnv(prod)).toMatchObject({
      PGINSTANCE: '${google_sql_database_instance.postgresql.connection_name}',
      PGUSER:
        '${trimsuffix(data.terraform_remote_state.iam.outputs.cloud_run_service_account, ".gserviceaccount.com")}',
    });
    expect(prod.document.locals?.['cloudsql_connection_name']).toBe(
      '${google_sql_database_instance.postgresql.connection_name}',
    );
  });

  it('makes the workload a cloudsqlsuperuser and gives the operator read-only access, before Cloud Run starts', () => {
    expectResource(prod, 'postgresql_grant_role', {
      provider: 'postgresql.admin',
      grant_role: 'cloudsqlsuperuser',
      with_admin_option: true,
    });
    for (const db of ['primary', 'audit-log']) {
      expectResource(prod, 'postgresql_grant', {
        database: db,
        object_type: 'database',
        privileges: ['CONNECT'],
      });
      expectResource(prod, 'postgresql_grant', {
        provider: 'postgresql.workload',
        database: db,
        object_type: 'table',
        schema: 'public',
        objects: [],
        privileges: ['SELECT'],
      });
    }
    expect(resourcesOf(prod, 'google_cloud_run_v2_service')['cloudrun']?.['depends_on']).toEqual([
      'google_bigquery_table.bigquery_audit',
      'google_bigquery_table.bigquery_events',
      'postgresql_grant_role.workload_cloudsqlsuperuser',
    ]);
  });

  it('creates a publication, slot and client role per logical replication publication', () => {
    const stack = stackOf(replication, 'dev', 'cloudrun');
    expectResource(stack, 'postgresql_publication', {
      name: 'orders',
      database: 'sync',
      tables: ['public.orders', 'public.order_items'],
    });
    expectResource(stack, 'postgresql_replication_slot', {
      name: 'orders_pgoutput',
      plugin: 'pgoutput',
      provider: 'postgresql.replication',
    });
    expectResource(stack, 'postgresql_role', {
      name: 'msp-publication-orders-user',
      login: true,
      replication: true,
    });
    expectResource(stack, 'postgresql_role', {
      name: 'msp-replicationuser',
      login: true,
      replication: true,
    });
    expect(Object.keys(resourcesOf(stack, 'postgresql_publication')).sort()).toEqual([
      'publication_orders',
      'publication_users',
    ]);
  });
});

describe('Datastream plumbing for publications', () => {
  const stack = stackOf(replication, 'dev', 'cloudrun');

  it('runs the Cloud SQL proxy on a private VM as the datastream account, reachable only from Datastream and IAP', () => {
    const vm = expectResource(stack, 'google_compute_instance', {
      name: 'msp-datastream-cloudsqlproxy',
      machine_type: 'e2-micro',
      zone: 'us-central1-a',
      network_interface: [{ subnetwork: '${google_compute_subnetwork.private_network.id}' }],
      service_account: [
        {
          email: '${data.terraform_remote_state.iam.outputs.datastream_service_account}',
          scopes: ['cloud-platform'],
        },
      ],
    });
    expect(JSON.stringify(vm)).not.toContain('access_config');
    expectResource(stack, 'google_compute_firewall', {
      source_ranges: ['10.126.0.0/29'],
      allow: [{ protocol: 'tcp', ports: ['5432'] }],
    });
    expectResource(stack, 'google_compute_firewall', {
      source_ranges: ['35.235.240.0/20'],
      allow: [{ protocol: 'tcp', ports: ['22'] }],
    });
    expectResource(stackOf(replication, 'dev', 'iam'), 'google_service_account', {
      account_id: 'datastream-to-cloudsql',
    });
  });

  it('creates a private connection and one connection profile per publication', () => {
    expectResource(stack, 'google_datastream_private_connection', {
      vpc_peering_config: [
        { vpc: '${google_compute_network.private_network.id}', subnet: '10.126.0.0/29' },
      ],
    });
    expectResource(stack, 'google_datastream_connection_profile', {
      connection_profile_id: 'msp-publication-orders',
      postgresql_profile: [
        {
          hostname:
            '${google_compute_instance.datastream_cloudsqlproxy.network_interface[0].network_ip}',
          database: 'sync',
          username: 'msp-publication-orders-user',
          password: '${random_password.publication_orders.result}',
        },
      ],
    });
  });

  it('is absent without publications', () => {
    expectNoResource(prod, 'google_compute_instance');
    expectNoResource(stackOf(data, 'prod', 'iam'), 'google_service_account', {
      account_id: 'datastream-to-cloudsql',
    });
  });
});

describe('BigQuery', () => {
  it('creates the dataset in its location and project, writable by the workload, guarded unless allowDestroys', () => {
    expectResource(prod, 'google_bigquery_dataset', {
      dataset_id: 'data_svc',
      project: 'data-svc-prod-a1b2',
      location: 'US',
      lifecycle: { prevent_destroy: true },
    });
    expectResource(dev, 'google_bigquery_dataset', { lifecycle: { prevent_destroy: false } });
    expectResource(prod, 'google_bigquery_dataset_iam_member', {
      role: 'roles/bigquery.dataEditor',
      member: 'serviceAccount:${data.terraform_remote_state.iam.outputs.cloud_run_service_account}',
    });
  });

  it('creates one table per schema, with deletion protection unless allowDestroys', () => {
    expect(Object.keys(resourcesOf(prod, 'google_bigquery_table')).sort()).toEqual([
      'bigquery_audit',
      'bigquery_events',
    ]);
    expectResource(prod, 'google_bigquery_table', {
      table_id: 'events',
      deletion_protection: true,
    });
    expectResource(dev, 'google_bigquery_table', {
      table_id: 'events',
      deletion_protection: false,
    });
  });

  it('tells the runtime the dataset', () => {
    expect(containerEnv(stackOf(replication, 'dev', 'cloudrun'))).toMatchObject({
      BIGQUERY_PROJECT_ID: 'analytics-shared',
      BIGQUERY_DATASET_ID: 'sync_exports',
    });
  });
});

describe('secrets in the output', () => {
  it('holds no literal password, AUTH string or secret value anywhere', () => {
    for (const name of Object.keys(FIXTURES)) {
      const f = FIXTURES[name];
      if (f === undefined) continue;
      for (const [file, content] of renderStackSet(synthesizeFixture(f))) {
        if (typeof content !== 'string') continue;
        const literalSecrets = [
          ...content.matchAll(/"(password|secret_data|auth_string|root_password)": "([^"]*)"/g),
        ].filter((m) => !(m[2] ?? '').includes('${'));
        expect({ file, literalSecrets: literalSecrets.map((m) => m[0]) }).toEqual({
          file,
          literalSecrets: [],
        });
      }
    }
  });
});
