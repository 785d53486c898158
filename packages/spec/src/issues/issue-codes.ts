/**
 * Every issue code, with what it means. docs/reference/errors.md is generated
 * from this table, and packages/spec/test/error-codes.test.ts checks that every
 * code the package reports is listed there and every listed code is still
 * reported. The codes of thrown errors are in src/errors/error-codes.ts.
 */
export const ISSUE_CODES = {
  // Reading files
  'file-unreadable': 'A file could not be read (missing, a directory, or no permission).',
  // YAML
  'yaml-syntax': 'The file is not valid YAML.',
  'yaml-warning':
    'The YAML parser had a concern, such as an unknown tag; the value is read as a string.',
  'duplicate-key': 'A mapping has the same key twice.',
  'empty-document': 'The file is empty or has only comments.',
  'not-a-mapping':
    'The document is not a mapping of fields (for example a list or a plain string).',
  'multiple-documents': 'The file holds more than one YAML document.',
  'invalid-key': 'A mapping key is not a plain string (for example a list or a null key).',
  'alias-limit': 'Anchors and aliases expand too much, or an alias refers to its own ancestor.',
  // Input limits (docs/reference/limits.md)
  'file-too-large': 'A file is larger than msp reads.',
  'nesting-too-deep': 'Mappings and lists are nested deeper than allowed.',
  'too-many-aliases': 'A file has more aliases (*name) than allowed.',
  'too-many-keys': 'A mapping has more keys than allowed.',
  'string-too-long': 'A key or string value is longer than allowed.',
  'too-many-issues': 'A file has more issues than are listed; the rest are counted in this one.',
  // Structure (from the JSON Schema)
  'unknown-field': 'A field the schema does not know; the message suggests a close match.',
  'missing-field': 'A required field is absent.',
  'wrong-type': 'A value has the wrong type (for example a list where a string is expected).',
  'invalid-value': 'A value is not one of the allowed values.',
  'out-of-range': 'A number is below the minimum or above the maximum.',
  'invalid-format': 'A string does not have the required format.',
  'too-short': 'A string, list or map is shorter than allowed (often: empty).',
  'too-long': 'A string or list is longer than allowed.',
  'not-unique': 'A list of the platform config has the same item twice.',
  'schema-violation': 'Any other schema constraint.',
  // Older field names
  'deprecated-field':
    'An older field name that is still accepted; the warning names its replacement.',
  'conflicting-fields': 'An older field and its replacement are both set.',
  'description-todo': 'service.description is still "TODO".',
  // Service and kinds
  'service-field-in-job': 'A service-only field (domain, healthProbes, authentication) in a job.',
  'job-field-in-service': 'A job-only field (schedule, deadlineSeconds) in a service.',
  'job-rollout-deploy': 'A job with deploy type rollout, which jobs do not support.',
  'job-scaling': 'A job with instances.scaling, which jobs do not support.',
  'job-alerts': 'A job with monitoring.alerts.responseCodeRatios, which need HTTP traffic.',
  'notion-page-required':
    'A production environment (internal or external) without service.notionPageID.',
  'notion-page-id-invalid': 'service.notionPageID is a URL rather than a page ID.',
  'iam-role-invalid': 'An iam.roles entry is neither a predefined nor a custom role.',
  'duplicate-item':
    'A value listed twice in service.iam (services, roles, permissions), postgreSQL.databases or bigQueryDataset.tables: a warning; the duplicate is ignored.',
  // Environments
  'duplicate-environment': 'Two environments have the same ID.',
  'project-display-name-too-long':
    'The project display name "<name> - <env>" is longer than 30 characters.',
  'project-id-format':
    'A projectID does not follow "<service>-<env>-<suffix>" or is longer than 30 characters.',
  'cloud-run-name-too-long':
    'The Cloud Run name "<service>-<env>-<region>" is longer than 63 characters.',
  'service-account-id-invalid':
    'A service account ID "<service>-sa" (jobs: also "<service>-job-sa") is not 6 to 30 lowercase letters, digits and hyphens starting with a letter.',
  'network-name-invalid':
    'The private network of Redis or PostgreSQL, named after the service ID, is not a valid Compute Engine name.',
  'load-balancer-name-too-long':
    'A domain\'s load balancer resource, named after the Cloud Run name (up to "<Cloud Run name>-security-policy"), is longer than 63 characters.',
  'cloud-deploy-name-invalid':
    'A Cloud Deploy target "<env>-<region>" or pipeline "<service>-<region>-rollout" is longer than 63 characters or does not start with a letter.',
  'terraform-cloud-name-invalid':
    'A Terraform Cloud project (at most 40 characters), workspace (90) or tag name is too long, or state.workspacePrefix has characters they cannot hold.',
  'location-not-allowed':
    'locations.gcpRegion or gcpLocation is not allowed by the platform config.',
  'deploy-settings': 'deploy blocks do not match deploy.type.',
  'instance-resources': 'Cloud Run CPU and memory do not fit together or are out of range.',
  'cloud-run-generation':
    'instances.resources.cloudRunGeneration is neither 1 nor 2: a warning; generation 2 is used.',
  'scaling-range': 'scaling.minCount is greater than scaling.maxCount.',
  'health-probes':
    'Health probe settings conflict (intervals below the timeout, or settings while probes are off).',
  'duplicate-domain': 'Two environments use the same domain.',
  'domain-settings':
    'domain.type is cloudflare without a cloudflare block, or none with one (which is ignored).',
  'cron-invalid': 'schedule.cron is not a valid five-field cron expression.',
  'cron-interval':
    'The longest gap between runs of schedule.cron is under 15 minutes or over 8 days.',
  'job-deadline':
    'deadlineSeconds is outside what Cloud Scheduler allows for a scheduled job (15 to 1800 seconds).',
  'secret-reference':
    'A secretEnv or secretVolumes secret is not a secret ID or "projects/<p>/secrets/<id>".',
  'secret-mount-path': 'A secretVolumes mountPath is not an absolute file path.',
  'env-name-conflict': 'A variable is set twice (env and secretEnv), or is one msp sets itself.',
  'env-contract-value':
    'An operator-set contract variable (LOG_LEVEL, LOG_FORMAT, ...) has a value @msp/runtime does not accept: a warning.',
  'env-template':
    'An env value uses a template other than {{ .ProjectID }} or {{ .ServiceDnsName }}.',
  'env-template-no-domain':
    'An env value uses {{ .ServiceDnsName }} in an environment without a domain; it becomes "".',
  'postgresql-resources': 'Cloud SQL CPU and memory do not fit together.',
  'publication-duplicate': 'Two logical replication publications have the same name.',
  'platform-default':
    "A setting the platform config does not give is taken from a standard default (an input variable, the Terraform run's environment): a warning naming it.",
  // Monitoring and rollout
  'response-code-ratio': 'A response code ratio alert sets both or neither of code and codeClass.',
  'duplicate-alert':
    'Two alerts have the same ID (response code ratios) or derived ID (custom alerts).',
  'rollout-empty': 'rollout is present but has no stages.',
  'rollout-unknown-environment': 'A rollout stage names an environment that does not exist.',
  'rollout-duplicate-stage': 'An environment appears twice in rollout.stages.',
  'rollout-deploy-type': 'A rollout stage environment without deploy type rollout, or the reverse.',
  // Files beside the spec
  'readme-header': 'README.md does not start with "# <service name>".',
  'bigquery-schema': 'A BigQuery table schema file is missing or not a JSON array.',
  // Platform config
  'state-backend': 'The state backend has fields of another backend type, or lacks a required one.',
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;
