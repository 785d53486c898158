import { resource, resourceRef, dependsOn } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

export interface SQLDatabaseInstanceConfig {
  readonly name: string;
  readonly region: string;
  readonly tier: string;
  readonly highAvailability: boolean;
  /** Point-in-time recovery (write-ahead logs kept 7 days). */
  readonly pointInTimeRecovery: boolean;
  readonly databaseFlags: readonly { readonly name: string; readonly value: string }[];
  readonly privateNetwork: string;
  /** A public IPv4 address besides the private one. */
  readonly publicIP: boolean;
  readonly preventDestroy: boolean;
  readonly dependsOn: readonly string[];
}

/**
 * A Cloud SQL for PostgreSQL instance: IAM authentication, TLS with trusted
 * client certificates only (so only Cloud SQL connectors, which are IAM
 * authorised, can connect), private network, daily backups kept 90 times,
 * point-in-time recovery when asked for, deletion protection.
 */
export function sqlDatabaseInstance(
  id: string,
  c: SQLDatabaseInstanceConfig,
): { fragment: Fragment; outputs: { name: Expression; connectionName: Expression } } {
  return {
    fragment: resource('google_sql_database_instance', id, {
      name: c.name,
      region: c.region,
      database_version: 'POSTGRES_15',
      deletion_protection: c.preventDestroy,
      settings: [
        {
          tier: c.tier,
          availability_type: c.highAvailability ? 'REGIONAL' : 'ZONAL',
          disk_type: 'PD_SSD',
          disk_size: 10,
          disk_autoresize: true,
          disk_autoresize_limit: 0,
          // The API-level guard, which also stops deletion outside Terraform.
          deletion_protection_enabled: c.preventDestroy,
          database_flags: c.databaseFlags.map((f) => ({ name: f.name, value: f.value })),
          backup_configuration: [
            {
              enabled: true,
              point_in_time_recovery_enabled: c.pointInTimeRecovery,
              start_time: '10:00',
              transaction_log_retention_days: 7,
              backup_retention_settings: [{ retained_backups: 90, retention_unit: 'COUNT' }],
            },
          ],
          maintenance_window: [{ update_track: 'stable', day: 1, hour: 15 }],
          insights_config: [
            {
              query_insights_enabled: true,
              query_string_length: 4096,
              record_application_tags: true,
              record_client_address: true,
            },
          ],
          ip_configuration: [
            {
              ipv4_enabled: c.publicIP,
              private_network: c.privateNetwork,
              ssl_mode: 'TRUSTED_CLIENT_CERTIFICATE_REQUIRED',
              enable_private_path_for_google_cloud_services: true,
            },
          ],
        },
      ],
      lifecycle: { prevent_destroy: c.preventDestroy, ignore_changes: ['settings[0].disk_size'] },
      ...dependsOn(c.dependsOn),
    }),
    outputs: {
      name: resourceRef('google_sql_database_instance', id, 'name'),
      connectionName: resourceRef('google_sql_database_instance', id, 'connection_name'),
    },
  };
}
