import {
  DEFAULT_PLATFORM_CONFIG,
  resolvePlatformConfig,
} from '../platform/resolve-platform-config.js';
import { parseSpec } from '../parse-spec.js';
import { validateSpec } from '../validate/validate-spec.js';
import { isUsageError } from '../errors.js';
import type { ServiceSpec } from '../generated/service-spec.js';
import { resolveSpec } from './resolve-spec.js';

function valid(text: string, platform = DEFAULT_PLATFORM_CONFIG): ServiceSpec {
  const result = validateSpec(parseSpec(text), { platform });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.spec;
}

const MINIMAL = `service: { id: tiny, owners: [solo], description: Small. }
build: { image: us.gcr.io/tiny-images/tiny }
environments:
  - id: dev
    projectID: tiny-dev-abcd
    category: test
    deploy: { type: manual }
    instances: { resources: { cpu: 1, memory: 512Mi } }
`;

describe('resolveSpec', () => {
  it('fills the defaults of a minimal service', () => {
    const resolved = resolveSpec(valid(MINIMAL), DEFAULT_PLATFORM_CONFIG);
    const [env] = resolved.environments;
    expect(resolved.service).toMatchObject({
      name: 'tiny',
      kind: 'service',
      iam: { services: [], roles: [], permissions: [] },
    });
    expect(resolved.service.handbookURL).toBeUndefined();
    expect(env).toMatchObject({
      region: 'us-central1',
      gcpLocation: 'US',
      cloudRunName: 'tiny-dev-us-central1',
      projectDisplayName: 'tiny - dev',
      deploy: { type: 'manual', tag: 'insiders' },
      imageTag: 'insiders',
      allowDestroys: false,
      alerting: { opsgenie: false },
      instances: { cpu: 1, memory: '512Mi', memoryMiB: 512, maxRequestConcurrency: 1000 },
      service: {
        healthProbes: { enabled: false },
        invokers: ['allUsers'],
        maximumStartupLatencySeconds: 240,
      },
      resources: { needsPrivateNetwork: false },
    });
    expect(env?.instances.scaling).toBeUndefined();
    expect(env?.rolloutStage).toBeUndefined();
  });

  it('turns probes on with derived intervals when healthProbes is present', () => {
    const resolved = resolveSpec(
      valid(
        MINIMAL.replace(
          '    category: test\n',
          '    category: test\n    healthProbes: { timeout: 4 }\n',
        ),
      ),
      DEFAULT_PLATFORM_CONFIG,
    );
    expect(resolved.environments[0]?.service).toMatchObject({
      healthProbes: {
        enabled: true,
        timeoutSeconds: 4,
        startupIntervalSeconds: 4,
        livenessIntervalSeconds: 40,
      },
      maximumStartupLatencySeconds: 12,
    });
  });

  it('defaults a present scaling block and Opsgenie by category', () => {
    const spec = valid(
      MINIMAL.replace(
        '    instances: { resources: { cpu: 1, memory: 512Mi } }\n',
        '    instances: { resources: { cpu: 1, memory: 512Mi }, scaling: {} }\n',
      )
        .replace('description: Small.', 'description: Small., notionPageID: abc')
        .replace('category: test', 'category: internal'),
    );
    const [env] = resolveSpec(spec, DEFAULT_PLATFORM_CONFIG).environments;
    expect(env?.instances.scaling).toEqual({
      minCount: 0,
      maxCount: 5,
      maxRequestConcurrency: 1000,
    });
    expect(env?.alerting.opsgenie).toBe(true);
    expect(env?.isProduction).toBe(true);
  });

  it('grants the platform authentication domain, or nobody for an empty authentication block', () => {
    const platform = resolvePlatformConfig({ authenticationDomain: 'example.com' });
    const org = valid(
      MINIMAL.replace(
        '    category: test\n',
        '    category: test\n    authentication: { organizationDomain: true }\n',
      ),
      platform,
    );
    const none = valid(
      MINIMAL.replace('    category: test\n', '    category: test\n    authentication: {}\n'),
      platform,
    );
    expect(resolveSpec(org, platform).environments[0]?.service?.invokers).toEqual([
      'domain:example.com',
    ]);
    expect(resolveSpec(none, platform).environments[0]?.service?.invokers).toEqual([]);
  });

  it('uses the first allowed region of the platform config as the default', () => {
    const platform = resolvePlatformConfig({
      allowedRegions: ['europe-west1'],
      allowedLocations: ['EU'],
    });
    const [env] = resolveSpec(valid(MINIMAL, platform), platform).environments;
    expect([env?.region, env?.gcpLocation, env?.cloudRunName]).toEqual([
      'europe-west1',
      'EU',
      'tiny-dev-europe-west1',
    ]);
  });

  it('refuses BigQuery tables without schemas', () => {
    const spec = valid(
      MINIMAL.replace(
        '    category: test\n',
        '    category: test\n    resources: { bigQueryDataset: { tables: [events] } }\n',
      ),
    );
    let caught: unknown;
    try {
      resolveSpec(spec, DEFAULT_PLATFORM_CONFIG);
    } catch (error) {
      caught = error;
    }
    expect(isUsageError(caught)).toBe(true);
    const resolved = resolveSpec(spec, DEFAULT_PLATFORM_CONFIG, {
      bigQueryTableSchemas: new Map([['events', '[]']]),
    });
    expect(resolved.environments[0]?.resources.bigQueryDataset).toEqual({
      datasetID: 'tiny',
      projectID: 'tiny-dev-abcd',
      location: 'US',
      tables: [{ id: 'events', schemaJSON: '[]' }],
    });
  });

  it('gives PostgreSQL a public IP unless publicIP: false', () => {
    const pg = (settings: string) =>
      resolveSpec(
        valid(
          MINIMAL.replace(
            '    category: test\n',
            `    category: test\n    resources: { postgreSQL: ${settings} }\n`,
          ),
        ),
        DEFAULT_PLATFORM_CONFIG,
      ).environments[0]?.resources.postgreSQL;
    expect(pg('{}')?.publicIP).toBe(true);
    expect(pg('{ publicIP: false }')?.publicIP).toBe(false);
  });

  it('admits only Cloudflare to proxied domains of every category unless turned off', () => {
    const domain = (cloudflare: string) =>
      resolveSpec(
        valid(
          MINIMAL.replace(
            '    category: test\n',
            `    category: test\n    domain: { type: cloudflare, cloudflare: { subdomain: tiny, zone: example.com${cloudflare} } }\n`,
          ),
        ),
        DEFAULT_PLATFORM_CONFIG,
      ).environments[0]?.service?.domain;
    expect(domain('')).toMatchObject({ proxied: true, cloudflareOnly: true });
    expect(domain(', cloudflareOnly: false')).toMatchObject({
      proxied: true,
      cloudflareOnly: false,
    });
    expect(domain(', proxied: false')).toMatchObject({ proxied: false, cloudflareOnly: false });
    expect(domain(', proxied: false, cloudflareOnly: true')).toMatchObject({
      proxied: false,
      cloudflareOnly: false,
    });
  });
});

describe('the names table', () => {
  const SAMPLE = `service: { id: shop, owners: [commerce], description: Sells things. }
build: { image: us.gcr.io/shop-images/shop }
environments:
  - id: dev
    projectID: shop-dev-ab12
    category: test
    deploy: { type: rollout }
    instances: { resources: { cpu: 1, memory: 1Gi } }
    domain: { type: cloudflare, cloudflare: { subdomain: shop-dev, zone: example.com } }
  - id: prod
    projectID: shop-prod-cd34
    category: test
    deploy: { type: rollout }
    instances: { resources: { cpu: 1, memory: 1Gi } }
    locations: { gcpRegion: europe-west3, gcpLocation: EU }
rollout: { stages: [{ environment: dev }, { environment: prod }] }
`;
  const tfc = resolvePlatformConfig({
    state: { type: 'terraform-cloud', organization: 'acme', workspacePrefix: 'tf' },
    allowedRegions: ['us-central1', 'europe-west3'],
  });

  it('names what the service and each environment get, with Terraform Cloud state', () => {
    const resolved = resolveSpec(valid(SAMPLE, tfc), tfc);
    expect(resolved.names).toEqual({
      workloadServiceAccountID: 'shop-sa',
      operatorAccessAccountPrefix: 'operatoraccess-',
      privateNetwork: { network: 'shop', peeringRange: 'shop-service-networking-connection' },
      terraformCloud: { serviceTag: 'tf-service-shop' },
    });
    const [dev, prod] = resolved.environments;
    expect(dev?.names).toEqual({
      workloadServiceAccountEmail: 'shop-sa@shop-dev-ab12.iam.gserviceaccount.com',
      stateLocations: {
        project: 'tf-shop-dev-project',
        iam: 'tf-shop-dev-iam',
        cloudrun: 'tf-shop-dev-cloudrun',
        monitoring: 'tf-shop-dev-monitoring',
        tfcworkspaces: 'tf-shop-dev-tfcworkspaces',
      },
      terraformCloud: {
        project: 'tf-shop-dev',
        environmentTag: 'tf-env-shop-dev',
        workspaceTags: ['tf', 'tf-service-shop', 'tf-env-shop-dev'],
      },
      loadBalancer: {
        neg: 'shop-dev-us-central1',
        backend: 'shop-dev-us-central1',
        urlMap: 'shop-dev-us-central1',
        httpsProxy: 'shop-dev-us-central1-https',
        sslPolicy: 'shop-dev-us-central1-https',
        forwardingRule: 'shop-dev-us-central1',
        securityPolicy: 'shop-dev-us-central1-security-policy',
        address: 'loadbalancer',
      },
      cloudDeploy: { target: 'dev-us-central1' },
    });
    expect(prod?.names.loadBalancer).toBeUndefined();
    expect(prod?.names.cloudDeploy).toEqual({
      target: 'prod-europe-west3',
      pipeline: 'shop-europe-west3-rollout',
    });
  });

  it('puts state under GCS prefixes without Terraform Cloud names, and names a job its invoker', () => {
    const gcs = resolvePlatformConfig({
      state: { type: 'gcs', bucket: 'acme-state', prefix: 'state' },
      allowedRegions: ['us-central1', 'europe-west3'],
    });
    const job = SAMPLE.replace(
      'description: Sells things.',
      'description: Sells things., kind: job',
    )
      .replace(/deploy: \{ type: rollout \}/g, 'deploy: { type: manual }')
      .replace(/    domain: .*\n/, '')
      .replace(/rollout: .*\n/, '');
    const resolved = resolveSpec(valid(job, gcs), gcs);
    expect(resolved.names.jobInvokerServiceAccountID).toBe('shop-job-sa');
    expect(resolved.names.terraformCloud).toBeUndefined();
    const names = resolved.environments[1]?.names;
    expect(names?.stateLocations.cloudrun).toBe('state/shop/prod/cloudrun');
    expect(names?.terraformCloud).toBeUndefined();
    expect(names?.cloudDeploy).toBeUndefined();
  });
});
