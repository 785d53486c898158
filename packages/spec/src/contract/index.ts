/**
 * The runtime contract: the environment variables the platform sets on every
 * msp workload. `@msp/terraform-gen` emits them and `@msp/runtime` reads them,
 * both from this one table. This module has no dependencies.
 */

/** How a variable's value is parsed. */
export type ContractValueKind = 'string' | 'integer' | 'boolean' | 'duration' | 'url';

/** Who sets a variable in a deployed environment. */
export type ContractSetter = 'cloud-run' | 'msp' | 'operator';

/** Which workloads receive a variable. */
export type ContractScope = 'all' | 'service' | 'job';

export interface ContractVariable {
  readonly kind: ContractValueKind;
  readonly description: string;
  readonly setBy: ContractSetter;
  readonly scope: ContractScope;
  /** Value used when the variable is unset (local development). */
  readonly default?: string;
}

/** The container port msp configures on Cloud Run; Cloud Run passes it as `PORT`. */
export const SERVICE_PORT = 9992;

/** Port the runtime listens on when `PORT` is unset (local development). */
export const LOCAL_DEFAULT_PORT = 8080;

/** Health endpoint, guarded by `DIAGNOSTICS_SECRET`. */
export const HEALTHZ_PATH = '/-/healthz';

/** Version endpoint; unauthenticated. */
export const VERSION_PATH = '/-/version';

/** Directory where the platform mounts extra CA certificates (the Redis server CA). */
export const CUSTOM_CERTS_DIR = '/etc/ssl/custom-certs';

/** File name of the Memorystore server CA inside {@link CUSTOM_CERTS_DIR}. */
export const REDIS_CA_CERT_FILE = 'redis-ca-cert.pem';

/** Cloud Run gives a container this long between SIGTERM and SIGKILL. */
export const SHUTDOWN_GRACE_SECONDS = 10;

export const CONTRACT_VARIABLES = {
  MSP: {
    kind: 'boolean',
    description: 'True when running in an environment provisioned by msp.',
    setBy: 'msp',
    scope: 'all',
    default: 'false',
  },
  ENVIRONMENT_ID: {
    kind: 'string',
    description: 'The environment ID from service.yaml; also the Sentry environment.',
    setBy: 'msp',
    scope: 'all',
    default: 'unknown',
  },
  PORT: {
    kind: 'integer',
    description: 'Port to listen on, on all interfaces.',
    setBy: 'cloud-run',
    scope: 'service',
    default: String(LOCAL_DEFAULT_PORT),
  },
  GOOGLE_CLOUD_PROJECT: {
    kind: 'string',
    description: 'The GCP project of the environment.',
    setBy: 'msp',
    scope: 'all',
  },
  DIAGNOSTICS_SECRET: {
    kind: 'string',
    description:
      'Bearer token that guards the diagnostics endpoints; when unset they are unauthenticated.',
    setBy: 'msp',
    scope: 'service',
  },
  EXTERNAL_DNS_NAME: {
    kind: 'string',
    description: 'The public DNS name of the service, when a domain is configured.',
    setBy: 'msp',
    scope: 'service',
  },
  REDIS_ENDPOINT: {
    kind: 'url',
    description: 'Redis URL with the AUTH string: rediss://:<auth>@<host>:<port>.',
    setBy: 'msp',
    scope: 'all',
  },
  PGINSTANCE: {
    kind: 'string',
    description: 'Cloud SQL instance connection name, project:region:instance.',
    setBy: 'msp',
    scope: 'all',
  },
  PGUSER: {
    kind: 'string',
    description: 'PostgreSQL IAM user of the workload service account.',
    setBy: 'msp',
    scope: 'all',
  },
  BIGQUERY_PROJECT_ID: {
    kind: 'string',
    description: 'Project of the BigQuery dataset.',
    setBy: 'msp',
    scope: 'all',
  },
  BIGQUERY_DATASET_ID: {
    kind: 'string',
    description: 'ID of the BigQuery dataset.',
    setBy: 'msp',
    scope: 'all',
  },
  SENTRY_DSN: {
    kind: 'url',
    description: 'Sentry DSN; turns on error reporting and job check-ins.',
    setBy: 'msp',
    scope: 'all',
  },
  SSL_CERT_DIR: {
    kind: 'string',
    description: 'Directories of trusted CA certificates, separated by colons.',
    setBy: 'msp',
    scope: 'all',
  },
  JOB_EXECUTION_CRON_SCHEDULE: {
    kind: 'string',
    description: 'Cron schedule of a scheduled job.',
    setBy: 'msp',
    scope: 'job',
  },
  JOB_EXECUTION_DEADLINE: {
    kind: 'duration',
    description: 'Deadline of one job execution, such as "300s".',
    setBy: 'msp',
    scope: 'job',
  },
} as const satisfies Record<string, ContractVariable>;

export type ContractVariableName = keyof typeof CONTRACT_VARIABLES;

/** Every contract variable name, in table order. */
export const CONTRACT_VARIABLE_NAMES = Object.keys(CONTRACT_VARIABLES) as ContractVariableName[];
