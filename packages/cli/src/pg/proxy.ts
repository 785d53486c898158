/**
 * Pure helpers for `msp pg connect`: the Cloud SQL Auth Proxy's arguments and
 * the psql commands that go through it.
 */

/** How to get the proxy when it is not on PATH. */
export const proxyInstallHint = [
  'cloud-sql-proxy (the Cloud SQL Auth Proxy v2) was not found on PATH. Install it with one of:',
  '  gcloud components install cloud-sql-proxy',
  '  brew install cloud-sql-proxy',
  '  or download the binary for your platform from',
  '  https://cloud.google.com/sql/docs/postgres/sql-proxy#install and put it on PATH.',
].join('\n');

export interface ProxyOptions {
  /** `<project>:<region>:<instance>` */
  readonly connectionName: string;
  readonly port: number;
  /** The account the proxy impersonates, and whose IAM database user it logs in as. */
  readonly serviceAccount: string;
  /** Connect over the instance's private IP (from inside the VPC). */
  readonly privateIP: boolean;
}

/** Arguments for `cloud-sql-proxy` with automatic IAM database authentication. */
export function proxyArguments(options: ProxyOptions): string[] {
  return [
    options.connectionName,
    '--address=127.0.0.1',
    `--port=${options.port}`,
    '--auto-iam-authn',
    `--impersonate-service-account=${options.serviceAccount}`,
    ...(options.privateIP ? ['--private-ip'] : []),
  ];
}

/** Cloud SQL's IAM database user for a service account: its email without `.gserviceaccount.com`. */
export function databaseUser(serviceAccount: string): string {
  return serviceAccount.replace(/\.gserviceaccount\.com$/, '');
}

/** One `psql` line per database, through the proxy. */
export function psqlCommands(
  serviceAccount: string,
  databases: readonly string[],
  port: number,
): string[] {
  const user = databaseUser(serviceAccount);
  return databases.map((db) => `psql -U ${user} -d ${db} -h 127.0.0.1 -p ${port}`);
}

/** A command line for display, quoting arguments that need it. */
export function shellLine(program: string, args: readonly string[]): string {
  return [program, ...args]
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`))
    .join(' ');
}
