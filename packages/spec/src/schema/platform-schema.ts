import type { JsonSchema } from './json-schema.js';
import { publishedSchemaURL } from './published.js';
import { DEFAULT_ALLOWED_LOCATIONS, DEFAULT_ALLOWED_REGIONS } from './defaults.js';
import { bool, dict, list, obj, oneOf, str } from './builders.js';

/** Where the published schema is served (see SERVICE_SCHEMA_ID). */
export const PLATFORM_SCHEMA_ID = publishedSchemaURL('platform.schema.json');

/** Defaults of msp.config.yaml: generation works without the file. */
/** Format of a billing account ID; also checked by the generated billing_account variable. */
export const BILLING_ACCOUNT_PATTERN = '^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$';

/** Format of a Cloud Storage bucket name; also checked by the generated state_bucket variable. */
export const STATE_BUCKET_PATTERN = '^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$';

export const PLATFORM_DEFAULTS = {
  statePrefix: 'msp',
  tfcHostname: 'app.terraform.io',
  workspacePrefix: 'msp',
  terraformVersion: '1.11.4',
  handbookURLTemplate: 'https://www.notion.so/{id}',
} as const;

const secret = (title: string, description: string) =>
  obj(
    title,
    description,
    {
      project: str('Project holding the secret.', { minLength: 1 }),
      secret: str('Secret ID.', { minLength: 1 }),
    },
    { required: ['project', 'secret'] },
  );

/** Fields of each state backend type; the platform config rules reject the others. */
export const STATE_FIELDS = {
  gcs: ['type', 'bucket', 'prefix'],
  'terraform-cloud': [
    'type',
    'hostname',
    'organization',
    'workspacePrefix',
    'runMode',
    'vcs',
    'teamAccess',
    'notificationWebhookSecret',
    'tokenSecret',
  ],
} as const;

const state = obj(
  'StateSpec',
  'Where Terraform state lives. Without it, a GCS backend with prefix "msp" whose bucket the operator gives at init (-backend-config=bucket=...) and as the state_bucket variable.',
  {
    type: oneOf(
      'gcs: a Cloud Storage bucket; terraform-cloud: Terraform Cloud (or Enterprise) workspaces.',
      ['gcs', 'terraform-cloud'],
    ),
    bucket: str('gcs: bucket name.', {
      pattern: STATE_BUCKET_PATTERN,
      'x-patternMessage': 'must be a bucket name: lowercase letters, digits, ".", "_" and "-"',
    }),
    prefix: str('gcs: state lives at "<prefix>/<service>/<env>/<stack>".', {
      minLength: 1,
      default: PLATFORM_DEFAULTS.statePrefix,
    }),
    hostname: str('terraform-cloud: host.', {
      minLength: 1,
      default: PLATFORM_DEFAULTS.tfcHostname,
    }),
    organization: str('terraform-cloud: organization (required).', { minLength: 1 }),
    workspacePrefix: str(
      'terraform-cloud: workspaces are named "<prefix>-<service>-<env>-<stack>".',
      { minLength: 1, default: PLATFORM_DEFAULTS.workspacePrefix },
    ),
    runMode: oneOf('terraform-cloud: run mode of the workspaces msp creates.', ['vcs', 'cli'], {
      default: 'cli',
    }),
    vcs: obj(
      'TerraformCloudVCSSpec',
      'terraform-cloud: the repository workspaces follow in vcs run mode.',
      {
        repository: str('Repository, "owner/name".', { minLength: 1 }),
        branch: str('Branch.', { minLength: 1, default: 'main' }),
        oauthTokenID: str('OAuth token ID of the VCS connection.', { minLength: 1 }),
        servicesDir: str('Path from the repository root to the directory of service directories.', {
          default: 'services',
        }),
      },
      { required: ['repository'] },
    ),
    teamAccess: list(
      'terraform-cloud: team access to the project.',
      obj(
        'TerraformCloudTeamAccessSpec',
        'One team.',
        {
          teamID: str('Team ID.', { minLength: 1 }),
          access: oneOf('Access level.', ['read', 'write', 'admin']),
        },
        { required: ['teamID', 'access'] },
      ),
    ),
    notificationWebhookSecret: secret(
      'TerraformCloudWebhookSecretSpec',
      'terraform-cloud: Slack webhook for failed runs.',
    ),
    tokenSecret: secret(
      'TerraformCloudTokenSecretSpec',
      'terraform-cloud: Secret holding the Terraform Cloud API token the tfcworkspaces stack reads (ephemerally) for its tfe provider. Absent: the provider reads TFE_TOKEN from the run environment.',
    ),
  },
  { required: ['type'] },
);

export const platformSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: PLATFORM_SCHEMA_ID,
  title: 'PlatformConfigSpec',
  description:
    'msp platform config (msp.config.yaml): organisation-specific settings, found by walking up from service.yaml. Every field is optional: without one, generation takes a standard default (with a warning) or an input variable the operator supplies, never an invented organisation value.',
  type: 'object',
  additionalProperties: false,
  properties: {
    billingAccount: str(
      'Billing account of new projects. Without it, the project stack has a billing_account input variable the operator supplies at plan time.',
      {
        pattern: BILLING_ACCOUNT_PATTERN,
        'x-patternMessage': 'billingAccount must look like "0X0X0X-0X0X0X-0X0X0X" (uppercase hex)',
      },
    ),
    folders: obj(
      'FoldersSpec',
      'Folder of new projects per category ("folders/<number>"); a category without one puts its projects at the root of organizationID.',
      Object.fromEntries(
        ['test', 'internal', 'external'].map((category) => [
          category,
          str(`Folder of ${category} projects.`, {
            pattern: '^folders/[0-9]+$',
            'x-patternMessage': 'must look like "folders/123456789"',
          }),
        ]),
      ),
    ),
    organizationID: str(
      'Organisation whose root holds new projects of categories without a folder: its number, as in "organizations/<number>". Without it such projects get no parent, which most organisations forbid.',
      {
        pattern: '^[0-9]+$',
        'x-patternMessage': 'must be the organisation number, such as "123456789012"',
      },
    ),
    allowedRegions: list(
      'Regions environments may use; the first is the default.',
      str('A region.', {
        pattern: '^[a-z]+-[a-z]+[0-9]$',
        'x-patternMessage': 'must be a region such as "us-central1"',
      }),
      {
        minItems: 1,
        uniqueItems: true,
        default: [...DEFAULT_ALLOWED_REGIONS],
      },
    ),
    allowedLocations: list(
      'BigQuery multi-regions environments may use; the first is the default.',
      oneOf('A multi-region.', ['US', 'EU']),
      {
        minItems: 1,
        uniqueItems: true,
        default: [...DEFAULT_ALLOWED_LOCATIONS],
      },
    ),
    state,
    terraformVersion: str(
      'Terraform version pinned in .terraform-version and required by stacks.',
      {
        pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$',
        'x-patternMessage': 'must be a version such as "1.11.4"',
        default: PLATFORM_DEFAULTS.terraformVersion,
      },
    ),
    authenticationDomain: str(
      'Domain granted run.invoker by authentication.organizationDomain, e.g. "example.com".',
      { minLength: 1 },
    ),
    handbookURLTemplate: str(
      'Handbook URL of a service; "{id}" is replaced by service.notionPageID.',
      {
        pattern: '\\{id\\}',
        'x-patternMessage': 'must contain "{id}"',
        default: PLATFORM_DEFAULTS.handbookURLTemplate,
      },
    ),
    projectLabels: dict(
      'Labels added to every project.',
      str('A label value.', {
        pattern: '^[a-z0-9_-]{0,63}$',
        'x-patternMessage':
          'label values are lowercase letters, digits, "_" and "-", at most 63 characters',
      }),
      {
        propertyNames: {
          pattern: '^[a-z][a-z0-9_-]{0,62}$',
          'x-patternMessage':
            'label keys start with a lowercase letter and contain lowercase letters, digits, "_" and "-"',
        },
      },
    ),
    terraformServiceAccount: str(
      'Service account Terraform runs as; granted impersonation of workload accounts.',
      {
        pattern: '^[^@\\s]+@[^@\\s]+$',
        'x-patternMessage': 'must be a service account email',
      },
    ),
    cloudflare: obj(
      'CloudflareConfigSpec',
      'Cloudflare access, needed by services with a cloudflare domain.',
      {
        apiTokenSecret: secret(
          'CloudflareTokenSecretSpec',
          'Secret holding the Cloudflare API token.',
        ),
        originCertificate: obj(
          'OriginCertificateSpec',
          'Origin certificate used for proxied domains.',
          {
            certSecret: secret('OriginCertSecretSpec', 'Secret holding the PEM certificate.'),
            keySecret: secret('OriginKeySecretSpec', 'Secret holding the PEM private key.'),
          },
          { required: ['certSecret', 'keySecret'] },
        ),
      },
      { required: ['apiTokenSecret'] },
    ),
    sentry: obj(
      'SentryConfigSpec',
      'Sentry projects per environment.',
      {
        organization: str('Organization slug.', { minLength: 1 }),
        team: str('Team slug owning the projects.', { minLength: 1 }),
        authTokenSecret: secret('SentryTokenSecretSpec', 'Secret holding the Sentry auth token.'),
        slackIntegration: str(
          'Name of the Sentry organisation\'s Slack integration. With notifications.perServiceSlackChannel, Sentry sends spike protection notifications and new, regressed or reappearing issues (at most hourly per issue) to "#alerts-<service>-<env>". Absent: no Sentry notifications to Slack.',
          { minLength: 1 },
        ),
      },
      { required: ['organization', 'team', 'authTokenSecret'] },
    ),
    notifications: obj('NotificationsSpec', 'Where alerts go.', {
      slackChannels: list(
        'Slack channels that receive every alert, e.g. "#alerts-msp".',
        str('A channel.', {
          pattern: '^#[a-z0-9_-]+$',
          'x-patternMessage': 'must be a channel such as "#alerts"',
        }),
        { default: [] },
      ),
      perServiceSlackChannel: bool('Create a channel "#alerts-<service>-<env>" per environment.', {
        default: false,
      }),
      slackTokenSecret: secret('SlackTokenSecretSpec', 'Secret holding the Slack bot token.'),
      slackPermanentMembers: list(
        'Slack user IDs (e.g. a rollouts bot) kept as permanent members of each "#alerts-<service>-<env>" channel.',
        str('A Slack user ID.', {
          pattern: '^[UW][A-Z0-9]{2,}$',
          'x-patternMessage': 'must be a Slack user ID such as "U0123ABCD"',
        }),
        { uniqueItems: true, default: [] },
      ),
      opsgenie: obj(
        'OpsgenieConfigSpec',
        'Opsgenie for critical alerts of production environments.',
        {
          apiKeySecret: secret('OpsgenieKeySecretSpec', 'Secret holding the Opsgenie API key.'),
        },
        { required: ['apiKeySecret'] },
      ),
    }),
    rollout: obj('RolloutConfigSpec', 'Cloud Deploy settings.', {
      notificationEndpointSecret: secret(
        'RolloutEndpointSecretSpec',
        'Secret holding the Pub/Sub push endpoint for deploy notifications.',
      ),
    }),
  },
};
