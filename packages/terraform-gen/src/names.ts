/**
 * Every name generation chooses itself: Terraform addresses of resources
 * whose name comes from data, GCP names of the accounts msp creates, state
 * locations and labels. Names derived from the spec (project IDs, Cloud Run
 * names, display names) come resolved in `ResolvedSpec`.
 */
import type { StateBackend } from '@msp/spec';

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

/** GCP service account IDs are 6–30 characters. */
const SERVICE_ACCOUNT_ID_MAX = 30;

function serviceAccountID(id: string): string {
  if (id.length > SERVICE_ACCOUNT_ID_MAX) {
    throw new Error(`service account ID "${id}" exceeds ${SERVICE_ACCOUNT_ID_MAX} characters`);
  }
  return id;
}

/** The workload service account, `<svc>-sa`. */
export function workloadServiceAccountID(serviceID: string): string {
  return serviceAccountID(`${serviceID}-sa`);
}

/** Prefix of the operator access account; a random 6-hex suffix follows. */
export const OPERATOR_ACCESS_ACCOUNT_PREFIX = 'operatoraccess-';

/** The Cloud Scheduler invoker of a job, `<svc>-job-sa`. */
export function jobInvokerServiceAccountID(serviceID: string): string {
  return serviceAccountID(`${serviceID}-job-sa`);
}

/** The Cloud Run service agent of a project (GA equivalent of google-beta's service identity). */
export function cloudRunServiceAgent(projectNumber: string): string {
  return `service-${projectNumber}@serverless-robot-prod.iam.gserviceaccount.com`;
}

/** Custom role holding `service.iam.permissions`. */
export const WORKLOAD_CUSTOM_ROLE_ID = 'msp_workload_custom_role';

/** Terraform Cloud workspace or GCS state prefix of one stack. */
export function stateLocation(
  state: StateBackend,
  serviceID: string,
  envID: string,
  stack: string,
): string {
  return state.type === 'terraform-cloud'
    ? `${state.workspacePrefix}-${serviceID}-${envID}-${stack}`
    : `${state.prefix}/${serviceID}/${envID}/${stack}`;
}

/** GCP label keys and values: lower-case letters, digits, `_` and `-`, at most 63 characters. */
export function labelText(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_')
    .slice(0, 63);
}

/** Network, subnetwork and peering range names of the private network. */
export function privateNetworkNames(serviceID: string): { network: string; peeringRange: string } {
  return { network: serviceID, peeringRange: `${serviceID}-service-networking-connection` };
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

const COMPUTE_NAME_MAX = 63;

/** Names of the load balancer chain in front of a Cloud Run service. */
export function loadBalancerNames(cloudRunName: string): {
  neg: string;
  backend: string;
  urlMap: string;
  httpsProxy: string;
  sslPolicy: string;
  forwardingRule: string;
  securityPolicy: string;
  address: string;
} {
  const names = {
    neg: cloudRunName,
    backend: cloudRunName,
    urlMap: cloudRunName,
    httpsProxy: `${cloudRunName}-https`,
    sslPolicy: `${cloudRunName}-https`,
    forwardingRule: cloudRunName,
    securityPolicy: `${cloudRunName}-security-policy`,
    address: 'loadbalancer',
  };
  for (const name of Object.values(names)) {
    if (name.length > COMPUTE_NAME_MAX) {
      throw new Error(
        `load balancer resource name "${name}" exceeds ${COMPUTE_NAME_MAX} characters: use a shorter service or environment ID`,
      );
    }
  }
  return names;
}
