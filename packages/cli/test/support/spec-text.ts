/**
 * Texts of real `msp.config.yaml` and `service.yaml` files for command tests,
 * which run the real libraries on files in a temporary directory.
 */

/** `state:` lines of Terraform Cloud state in the organization acme. */
export const TERRAFORM_CLOUD_STATE: readonly string[] = [
  'type: terraform-cloud',
  'organization: acme',
];

/** Terraform Cloud state (prefix msp) whose workspaces run from the VCS repository acme/services. */
export const VCS_STATE: readonly string[] = [
  ...TERRAFORM_CLOUD_STATE,
  'workspacePrefix: msp',
  'runMode: vcs',
  'vcs:',
  '  repository: acme/services',
  '  branch: main',
  '  oauthTokenID: ot-abc123',
  '  servicesDir: services',
  'teamAccess:',
  '  - { teamID: team-ops, access: write }',
];

/**
 * A platform config that leaves nothing to defaults, so a valid spec loads
 * without warnings: `state` holds the lines of the `state:` block, `extra` any
 * top-level lines after it.
 */
export function platformConfigText(
  options: { state?: readonly string[]; extra?: readonly string[] } = {},
): string {
  return [
    'billingAccount: 0A1B2C-3D4E5F-6A7B8C',
    'folders:',
    '  test: folders/111111111111',
    '  internal: folders/222222222222',
    '  external: folders/333333333333',
    'state:',
    ...(options.state ?? TERRAFORM_CLOUD_STATE).map((line) => `  ${line}`),
    ...(options.extra ?? []),
    'sentry:',
    '  organization: acme',
    '  team: platform',
    '  authTokenSecret: { project: acme-secrets, secret: SENTRY_TOKEN }',
    'notifications:',
    '  slackTokenSecret: { project: acme-secrets, secret: SLACK_TOKEN }',
    '  opsgenie:',
    '    apiKeySecret: { project: acme-secrets, secret: OPSGENIE_API_KEY }',
    '',
  ].join('\n');
}

export interface EnvironmentText {
  readonly id: string;
  /** The project ID is `<service>-<id>-<projectSuffix>`. @default 1a2b */
  readonly projectSuffix?: string;
  readonly category: 'test' | 'internal' | 'external';
  /** @default `deploy: { type: manual }` */
  readonly deploy?: readonly string[];
  /** @default 512Mi */
  readonly memory?: string;
  /** More lines of the environment, below `instances` (e.g. `resources:`), indented by the caller past `  - `. */
  readonly lines?: readonly string[];
}

/** dev: test, project `<service>-dev-1a2b`, 512Mi. */
export const DEV: EnvironmentText = { id: 'dev', category: 'test' };
/** prod: external, project `<service>-prod-9f8e`, 1Gi. */
export const PROD: EnvironmentText = {
  id: 'prod',
  projectSuffix: '9f8e',
  category: 'external',
  memory: '1Gi',
};

/**
 * A valid spec of service `id` (default billing, image `ghcr.io/example/<id>`,
 * owned by team-<id>) with the given environments (default {@link DEV} and {@link PROD}).
 */
export function serviceSpecText(
  options: {
    id?: string;
    kind?: 'service' | 'job';
    owners?: string;
    description?: string;
    image?: string;
    environments?: readonly EnvironmentText[];
  } = {},
): string {
  const id = options.id ?? 'billing';
  const environments = options.environments ?? [DEV, PROD];
  return [
    'service:',
    `  id: ${id}`,
    ...(options.kind === undefined ? [] : [`  kind: ${options.kind}`]),
    `  owners: [${options.owners ?? `team-${id}`}]`,
    `  description: ${options.description ?? 'Bills customers.'}`,
    '  notionPageID: 0123456789abcdef0123456789abcdef',
    'build:',
    `  image: ${options.image ?? `ghcr.io/example/${id}`}`,
    'environments:',
    ...environments.flatMap((env) => [
      `  - id: ${env.id}`,
      `    projectID: ${id}-${env.id}-${env.projectSuffix ?? '1a2b'}`,
      `    category: ${env.category}`,
      ...(env.deploy ?? ['deploy: { type: manual }']).map((line) => `    ${line}`),
      '    instances:',
      `      resources: { cpu: 1, memory: ${env.memory ?? '512Mi'} }`,
      ...(env.lines ?? []).map((line) => `    ${line}`),
    ]),
    '',
  ].join('\n');
}
