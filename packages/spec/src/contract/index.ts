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
  /** The only values accepted, when the variable is an enumeration. */
  readonly values?: readonly string[];
  /** The value is a credential: never echo it in messages or logs. */
  readonly sensitive?: boolean;
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
    sensitive: true,
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
    sensitive: true,
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
    sensitive: true,
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
  CLOUD_RUN_EXECUTION: {
    kind: 'string',
    description: 'Name of the Cloud Run job execution; part of the job execution ID.',
    setBy: 'cloud-run',
    scope: 'job',
  },
  CLOUD_RUN_TASK_INDEX: {
    kind: 'integer',
    description: 'Index of this task within the job execution.',
    setBy: 'cloud-run',
    scope: 'job',
  },
  CLOUD_RUN_TASK_ATTEMPT: {
    kind: 'integer',
    description: 'How many times this task has been retried (0 on the first attempt).',
    setBy: 'cloud-run',
    scope: 'job',
  },
  LOG_LEVEL: {
    kind: 'string',
    description: 'Least severe log level written.',
    setBy: 'operator',
    scope: 'all',
    default: 'info',
    values: ['debug', 'info', 'warn', 'error'],
  },
  LOG_FORMAT: {
    kind: 'string',
    description:
      'Log output: JSON lines for Cloud Logging, or readable text; json when MSP is true, else text.',
    setBy: 'operator',
    scope: 'all',
    values: ['json', 'text'],
  },
  SANITY_CHECK: {
    kind: 'boolean',
    description: 'When true, the process exits 0 at once without starting (container image tests).',
    setBy: 'operator',
    scope: 'all',
    default: 'false',
  },
} as const satisfies Record<string, ContractVariable>;

export type ContractVariableName = keyof typeof CONTRACT_VARIABLES;

/** Every contract variable name, in table order. */
export const CONTRACT_VARIABLE_NAMES = Object.keys(CONTRACT_VARIABLES) as ContractVariableName[];
