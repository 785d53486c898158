import type { ConnectorOptions } from '@google-cloud/cloud-sql-connector';
import type { PoolConfig } from 'pg';

/** How the connector reaches the instance. msp provisions private IP. */
export type CloudSqlIpType = 'PRIVATE' | 'PUBLIC' | 'PSC';

export interface CloudSqlDialer {
  /** Pool settings that dial `instanceConnectionName` as the IAM user. */
  poolConfig(instanceConnectionName: string, user: string, database: string): Promise<PoolConfig>;
  close(): void;
}

/**
 * Creates a Cloud SQL connector. It fetches an ephemeral client certificate
 * from the Cloud SQL Admin API with Application Default Credentials; with
 * automatic IAM authentication the certificate carries the login token, so
 * `pg` sends no password. The module is imported here, on first use, to keep
 * it out of cold start.
 */
export async function createCloudSqlDialer(
  ipType: CloudSqlIpType,
  connectorOptions: ConnectorOptions = {},
): Promise<CloudSqlDialer> {
  const { Connector, AuthTypes, IpAddressTypes } =
    await import('@google-cloud/cloud-sql-connector');
  const connector = new Connector(connectorOptions);
  return {
    async poolConfig(instanceConnectionName, user, database) {
      try {
        const driverOptions = await connector.getOptions({
          instanceConnectionName,
          authType: AuthTypes.IAM,
          ipType: IpAddressTypes[ipType],
        });
        return { ...driverOptions, user, database };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `cannot connect to Cloud SQL instance ${instanceConnectionName} (PGINSTANCE): ${reason}; check that the Cloud SQL Admin API is enabled and the workload has roles/cloudsql.client`,
          { cause: error },
        );
      }
    },
    close: () => connector.close(),
  };
}
