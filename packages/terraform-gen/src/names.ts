/**
 * Names generation chooses itself: Terraform addresses of resources whose
 * name comes from data, labels, and the fixed names of what msp creates in
 * every project. Names derived from the spec (project IDs, Cloud Run names,
 * service accounts, state locations, load balancer and Cloud Deploy names)
 * come resolved in the names table of `ResolvedSpec` (`spec.names`,
 * `env.names`), where validation has checked their limits.
 */

/** Terraform identifiers: letters, digits, `_` and `-`, not starting with a digit. */
export function terraformIdentifier(raw: string): string {
  const id = raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(id) ? id : `_${id}`;
}

/** Address suffix for an API: `run.googleapis.com` → `run`. */
export function apiIdentifier(api: string): string {
  return terraformIdentifier(api.replace(/\.googleapis\.com$/, ''));
}

/** Address suffix for an IAM role: `roles/cloudsql.client` → `cloudsql_client`. */
export function roleIdentifier(role: string): string {
  return terraformIdentifier(role.replace(/^roles\//, ''));
}

/**
 * A name of the names table that this spec must have (a domain's load
 * balancer names, a job's invoker account); missing only from a resolved spec
 * `resolveSpec` did not make.
 */
export function tableName<T>(name: T | undefined, what: string): T {
  if (name === undefined) throw new Error(`the resolved spec has no ${what}`);
  return name;
}

/** The Cloud Run service agent of a project (GA equivalent of google-beta's service identity). */
export function cloudRunServiceAgent(projectNumber: string): string {
  return `service-${projectNumber}@serverless-robot-prod.iam.gserviceaccount.com`;
}

/** Custom role holding `service.iam.permissions`. */
export const WORKLOAD_CUSTOM_ROLE_ID = 'msp_workload_custom_role';

/** GCP label keys and values: lower-case letters, digits, `_` and `-`, at most 63 characters. */
export function labelText(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_')
    .slice(0, 63);
}

/** Cloud SQL instance name prefix; a random 4-hex suffix follows (instance names cannot be reused for a week). */
export const POSTGRESQL_INSTANCE_PREFIX = 'postgresql-';

/** Built-in admin user of the Cloud SQL instance (a member of cloudsqlsuperuser). */
export const POSTGRESQL_ADMIN_USER = 'msp-admin';

/** Login role with REPLICATION that creates replication slots. */
export const POSTGRESQL_REPLICATION_USER = 'msp-replicationuser';

/** Login role a logical replication client of publication `name` uses. */
export function publicationUser(name: string): string {
  return `msp-publication-${name}-user`;
}

/** Cloud SQL IAM user name of a service account: its email without `.gserviceaccount.com`. */
export function iamDatabaseUser(email: string): string {
  return `\${trimsuffix(${email.replace(/^\$\{(.*)\}$/, '$1')}, ".gserviceaccount.com")}`;
}

/** Service account of the Cloud SQL proxy VM Datastream connects through. */
export const DATASTREAM_SERVICE_ACCOUNT_ID = 'datastream-to-cloudsql';

/** Name of the proxy VM, its private connection, firewall rules and network tag. */
export const DATASTREAM_PROXY_NAME = 'msp-datastream-cloudsqlproxy';
