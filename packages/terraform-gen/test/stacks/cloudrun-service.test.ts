import { synthesize } from '../../src/index.js';
import {
  environment,
  HEALTHZ_PROBES,
  instances,
  platformConfig,
  secretEnv,
  secretVolume,
  serviceInfo,
  serviceSettings,
  spec,
} from '../fixtures/base.js';
import {
  containerEnv,
  expectNoResource,
  expectResource,
  resourcesOf,
  stackOf,
} from '../expect-resource.js';

const service = serviceInfo('web', { name: 'Web', protocol: 'h2c' });
const project = 'web-prod-a1b2';
const prod = environment(service, {
  id: 'prod',
  category: 'external',
  projectID: project,
  deploy: { type: 'manual', tag: 'v1.0.0' },
  env: [{ name: 'LOG_LEVEL', value: 'info' }],
  secretEnv: [
    secretEnv(project, 'TOKEN', 'TOKEN'),
    secretEnv(project, 'OTHER', 'projects/o/secrets/OTHER'),
  ],
  secretVolumes: [secretVolume(project, 'cfg', '/etc/web/config.json', 'CONFIG')],
  instances: instances({
    cpu: 2,
    memory: '2Gi',
    memoryMiB: 2048,
    cloudRunGeneration: 2,
    scaling: { minCount: 1, maxCount: 8, maxRequestConcurrency: 80 },
    maxRequestConcurrency: 80,
  }),
  service: serviceSettings({
    healthProbes: HEALTHZ_PROBES,
    invokers: ['domain:example.com'],
    domain: {
      type: 'cloudflare',
      subdomain: 'web',
      zone: 'example.com',
      dnsName: 'web.example.com',
      proxied: true,
      cloudflareOnly: true,
      loadBalancerLogging: false,
    },
  }),
});
const dev = environment(service, {
  id: 'dev',
  category: 'test',
  allowDestroys: true,
  deploy: { type: 'rollout', initialImageTag: 'insiders' },
});
const open = environment(service, {
  id: 'open',
  category: 'test',
  service: serviceSettings({ invokers: [] }),
});
const set = synthesize(spec(service, [prod, dev, open]), platformConfig());
const cloudrun = stackOf(set, 'prod', 'cloudrun');

describe('stack cloudrun for kind: service', () => {
  it('only accepts traffic from inside the project and through the load balancer', () => {
    for (const env of ['prod', 'dev', 'open']) {
      expectResource(stackOf(set, env, 'cloudrun'), 'google_cloud_run_v2_service', {
        ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
      });
    }
  });

  it('names the service <svc>-<env>-<region> in the region, all traffic on the latest revision', () => {
    expectResource(
      cloudrun,
      'google_cloud_run_v2_service',
      {
        name: 'web-prod-us-central1',
        location: 'us-central1',
        traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
      },
      'cloudrun',
    );
  });

  it('runs as the workload account from the iam stack, with the anchor timeout', () => {
    expectResource(cloudrun, 'google_cloud_run_v2_service', {
      template: [
        {
          service_account: '${data.terraform_remote_state.iam.outputs.cloud_run_service_account}',
          timeout: '300s',
        },
      ],
    });
  });

  it('applies instances: resources, scaling, concurrency, execution environment', () => {
    expectResource(cloudrun, 'google_cloud_run_v2_service', {
      template: [
        {
          max_instance_request_concurrency: 80,
          scaling: [{ min_instance_count: 1, max_instance_count: 8 }],
          execution_environment: 'EXECUTION_ENVIRONMENT_GEN2',
          containers: [{ resources: [{ limits: { cpu: '2', memory: '2Gi' } }] }],
        },
      ],
    });
  });

  it('leaves scaling and execution environment to Cloud Run when unset', () => {
    const body = resourcesOf(stackOf(set, 'dev', 'cloudrun'), 'google_cloud_run_v2_service')[
      'cloudrun'
    ];
    const template = (body?.['template'] as Record<string, unknown>[])[0];
    expect(template).not.toHaveProperty('scaling');
    expect(template).not.toHaveProperty('execution_environment');
    expect(template?.['max_instance_request_concurrency']).toBe(1000);
  });

  it('serves on port 9992, named h2c for gRPC', () => {
    expectResource(cloudrun, 'google_cloud_run_v2_service', {
      template: [{ containers: [{ name: 'web', ports: [{ container_port: 9992, name: 'h2c' }] }] }],
    });
  });

  it('deploys the manual tag, and lets Cloud Deploy own the image of rollout deploys', () => {
    expectResource(cloudrun, 'google_cloud_run_v2_service', {
      template: [{ containers: [{ image: 'us.gcr.io/example-public/web:v1.0.0' }] }],
    });
    expect(resourcesOf(cloudrun, 'google_cloud_run_v2_service')['cloudrun']).not.toHaveProperty(
      'lifecycle',
    );
    expectResource(stackOf(set, 'dev', 'cloudrun'), 'google_cloud_run_v2_service', {
      template: [{ containers: [{ image: 'us.gcr.io/example-public/web:insiders' }] }],
      lifecycle: {
        ignore_changes: ['template[0].containers[0].image', 'client', 'client_version'],
      },
    });
  });

  it('protects the service from deletion unless allowDestroys', () => {
    expectResource(cloudrun, 'google_cloud_run_v2_service', { deletion_protection: true });
    expectResource(stackOf(set, 'dev', 'cloudrun'), 'google_cloud_run_v2_service', {
      deletion_protection: false,
    });
  });

  it('sets the contract variables, the spec env and secret env at the latest version', () => {
    expect(containerEnv(cloudrun)).toEqual({
      DIAGNOSTICS_SECRET: '${random_id.diagnostics_secret.hex}',
      ENVIRONMENT_ID: 'prod',
      EXTERNAL_DNS_NAME: 'web.example.com',
      GOOGLE_CLOUD_PROJECT: project,
      LOG_LEVEL: 'info',
      MSP: 'true',
      OTHER: {
        value_source: [
          { secret_key_ref: [{ secret: 'projects/o/secrets/OTHER', version: 'latest' }] },
        ],
      },
      SSL_CERT_DIR: '/etc/ssl/certs',
      TOKEN: { value_source: [{ secret_key_ref: [{ secret: 'TOKEN', version: 'latest' }] }] },
    });
  });

  it('never sets PORT (Cloud Run reserves it) and has no domain variable without a domain', () => {
    const env = containerEnv(stackOf(set, 'dev', 'cloudrun'));
    expect(env).not.toHaveProperty('PORT');
    expect(env).not.toHaveProperty('EXTERNAL_DNS_NAME');
  });

  it('mounts secret volumes read-only at the mount directory', () => {
    expectResource(cloudrun, 'google_cloud_run_v2_service', {
      template: [
        {
          volumes: [
            {
              name: 'cfg',
              secret: [
                {
                  secret: 'CONFIG',
                  items: [{ version: 'latest', path: 'config.json', mode: 0o444 }],
                },
              ],
            },
          ],
          containers: [{ volume_mounts: [{ name: 'cfg', mount_path: '/etc/web' }] }],
        },
      ],
    });
  });

  it('probes /-/healthz with the diagnostics secret as a bearer token when healthz probes are on', () => {
    const probe = (period: number) => [
      {
        initial_delay_seconds: 0,
        timeout_seconds: 3,
        period_seconds: period,
        failure_threshold: 3,
        http_get: [
          {
            path: '/-/healthz',
            http_headers: [
              { name: 'Authorization', value: 'Bearer ${random_id.diagnostics_secret.hex}' },
            ],
          },
        ],
      },
    ];
    expectResource(cloudrun, 'google_cloud_run_v2_service', {
      template: [{ containers: [{ startup_probe: probe(3), liveness_probe: probe(30) }] }],
    });
    expectResource(cloudrun, 'random_id', { byte_length: 8 }, 'diagnostics_secret');
  });

  it('leaves Cloud Run default probes when healthz probes are off', () => {
    const body = resourcesOf(stackOf(set, 'dev', 'cloudrun'), 'google_cloud_run_v2_service')[
      'cloudrun'
    ];
    const container = (
      (body?.['template'] as Record<string, unknown>[])[0]?.['containers'] as Record<
        string,
        unknown
      >[]
    )[0];
    expect(container).not.toHaveProperty('startup_probe');
    expect(container).not.toHaveProperty('liveness_probe');
  });

  it('grants run.invoker per authentication: public, the organisation domain, or nobody', () => {
    const invoker = (member: string) => ({
      name: '${google_cloud_run_v2_service.cloudrun.name}',
      location: '${google_cloud_run_v2_service.cloudrun.location}',
      role: 'roles/run.invoker',
      member,
    });
    expectResource(
      cloudrun,
      'google_cloud_run_v2_service_iam_member',
      invoker('domain:example.com'),
      'cloudrun_domain_runinvoker',
    );
    expectResource(
      stackOf(set, 'dev', 'cloudrun'),
      'google_cloud_run_v2_service_iam_member',
      invoker('allUsers'),
      'cloudrun_allusers_runinvoker',
    );
    expectNoResource(stackOf(set, 'open', 'cloudrun'), 'google_cloud_run_v2_service_iam_member');
  });

  it('outputs the Cloud Run resource name and location, and the diagnostics secret as sensitive', () => {
    expect(cloudrun.document.locals).toEqual({
      cloud_run_resource_name: '${google_cloud_run_v2_service.cloudrun.name}',
      cloud_run_location: '${google_cloud_run_v2_service.cloudrun.location}',
      diagnostics_secret: '${random_id.diagnostics_secret.hex}',
    });
    expect(cloudrun.document.output?.['diagnostics_secret']?.sensitive).toBe(true);
  });
});
