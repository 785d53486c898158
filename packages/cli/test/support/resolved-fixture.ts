import type { PlatformConfig, ResolvedEnvironment, ResolvedSpec } from '@msp/spec';

/** A literal resolved environment; override what a test is about. */
export function resolvedEnvironment(
  overrides: Partial<ResolvedEnvironment> = {},
): ResolvedEnvironment {
  return {
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
}

/** A literal resolved spec of a service `billing` with `dev` and `prod`. */
export function resolvedSpec(overrides: Partial<ResolvedSpec> = {}): ResolvedSpec {
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
      resolvedEnvironment(),
      resolvedEnvironment({
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
