import type { PlatformConfig, ResolvedEnvironment, ResolvedSpec } from '@msp/spec';

/** `@msp/spec`, loaded on first use as the CLI loads it. */
const specLibrary = () => import('@msp/spec');

/**
 * A literal resolved environment of `billing`; override what a test is about.
 * Its names table comes from `@msp/spec`, for {@link platformConfig}.
 */
export async function resolvedEnvironment(
  overrides: Partial<ResolvedEnvironment> = {},
): Promise<ResolvedEnvironment> {
  const { environmentNames } = await specLibrary();
  const env: Omit<ResolvedEnvironment, 'names'> = {
    id: 'dev',
    projectID: 'billing-dev-1a2b',
    category: 'test',
    isProduction: false,
    projectDisplayName: 'Billing - dev',
    region: 'us-central1',
    gcpLocation: 'US',
    cloudRunName: 'billing-dev-us-central1',
    deploy: { type: 'manual', tag: 'latest' },
    imageTag: 'latest',
    allowDestroys: false,
    env: [],
    secretEnv: [],
    secretVolumes: [],
    instances: { cpu: 1, memory: '1Gi', memoryMiB: 1024, maxRequestConcurrency: 1000 },
    alerting: { opsgenie: false },
    service: {
      healthProbes: { enabled: false },
      invokers: ['allUsers'],
      maximumStartupLatencySeconds: 240,
    },
    resources: { needsPrivateNetwork: false },
    ...overrides,
  };
  const inputs = {
    id: env.id,
    projectID: env.projectID,
    region: env.region,
    cloudRunName: env.cloudRunName,
    domain: env.service?.domain !== undefined,
    ...(env.rolloutStage === undefined ? {} : { rolloutStage: env.rolloutStage }),
  };
  return { ...env, names: environmentNames('billing', inputs, platformConfig()) };
}

/** A literal resolved spec of a service `billing` with `dev` and `prod`. */
export async function resolvedSpec(overrides: Partial<ResolvedSpec> = {}): Promise<ResolvedSpec> {
  const { serviceNames } = await specLibrary();
  return {
    service: {
      id: 'billing',
      name: 'Billing',
      kind: 'service',
      owners: ['team-billing'],
      description: 'Bills customers',
      iam: { services: [], roles: [], permissions: [] },
    },
    build: { image: 'ghcr.io/example/billing' },
    environments: [
      await resolvedEnvironment(),
      await resolvedEnvironment({
        id: 'prod',
        projectID: 'billing-prod-9f8e',
        category: 'external',
        isProduction: true,
        projectDisplayName: 'Billing - prod',
        cloudRunName: 'billing-prod-us-central1',
        allowDestroys: false,
        resources: {
          needsPrivateNetwork: true,
          postgreSQL: {
            databases: ['primary', 'audit'],
            cpu: 1,
            memoryGB: 4,
            tier: 'db-custom-1-4096',
            highAvailability: false,
            publicIP: true,
          },
          redis: {
            memoryGB: 1,
            highAvailability: true,
            tier: 'STANDARD_HA',
            instanceName: 'redis',
            displayName: 'Billing Redis',
          },
        },
      }),
    ],
    monitoring: { responseCodeRatios: [], customAlerts: [] },
    names: serviceNames({ id: 'billing', kind: 'service' }, platformConfig()),
    ...overrides,
  };
}

/** A Terraform Cloud platform config. */
export function platformConfig(overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  return {
    billingAccount: '000000-000000-000000',
    folders: {},
    allowedRegions: ['us-central1'],
    allowedLocations: ['US'],
    state: {
      type: 'terraform-cloud',
      hostname: 'app.terraform.io',
      organization: 'acme',
      workspacePrefix: 'msp',
      runMode: 'vcs',
      vcs: {
        repository: 'acme/services',
        branch: 'main',
        oauthTokenID: 'ot-abc123',
        servicesDir: 'services',
      },
      teamAccess: [{ teamID: 'team-ops', access: 'write' }],
    },
    terraformVersion: '1.9.8',
    projectLabels: {},
    notifications: { slackChannels: [], perServiceSlackChannel: false, slackPermanentMembers: [] },
    ...overrides,
  };
}
