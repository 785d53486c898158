import { synthesize } from '../../src/index.js';
import {
  cloudflareDomain,
  environment,
  platformConfig,
  serviceInfo,
  serviceSettings,
  spec,
} from '../fixtures/base.js';
import { synthesizeCase } from '../generate-fixture.js';
import {
  dataOf,
  expectNoResource,
  expectResource,
  resourcesOf,
  stackOf,
} from '../expect-resource.js';

const set = synthesizeCase('service-domain');
const prod = stackOf(set, 'prod', 'cloudrun');
const dev = stackOf(set, 'dev', 'cloudrun');
const direct = stackOf(set, 'direct', 'cloudrun');

describe('Cloudflare domain and load balancer', () => {
  it('keeps Cloud Run internal: traffic only arrives through the load balancer', () => {
    for (const stack of [prod, dev, direct]) {
      expectResource(stack, 'google_cloud_run_v2_service', {
        ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
      });
      const neg = expectResource(stack, 'google_compute_region_network_endpoint_group', {
        network_endpoint_type: 'SERVERLESS',
      });
      expect(neg['cloud_run']).toEqual([
        { service: resourcesOf(stack, 'google_cloud_run_v2_service')['cloudrun']?.['name'] },
      ]);
    }
  });

  it('serves HTTPS only (port 443) with a MODERN TLS >= 1.2 policy', () => {
    expectResource(prod, 'google_compute_global_forwarding_rule', {
      port_range: '443',
      target: '${google_compute_target_https_proxy.loadbalancer.id}',
      ip_address: '${google_compute_global_address.loadbalancer.address}',
    });
    expectResource(prod, 'google_compute_ssl_policy', {
      profile: 'MODERN',
      min_tls_version: 'TLS_1_2',
    });
    expectResource(prod, 'google_compute_target_https_proxy', {
      ssl_policy: '${google_compute_ssl_policy.loadbalancer.id}',
      ssl_certificates: ['${google_compute_ssl_certificate.cf_origin_cert.id}'],
    });
    expectNoResource(prod, 'google_compute_target_http_proxy');
  });

  it('admits only Cloudflare to proxied domains, test environments included', () => {
    for (const stack of [prod, dev]) {
      const policy = expectResource(stack, 'google_compute_security_policy', {
        rule: [{ action: 'deny(403)', priority: 2147483647 }],
      });
      expect(policy['dynamic']).toMatchObject({
        rule: {
          for_each: '${chunklist(sort(data.cloudflare_ip_ranges.cloudflare.ipv4_cidrs), 10)}',
          content: { action: 'allow', priority: '${4000 + rule.key}' },
        },
      });
      expectResource(stack, 'google_compute_backend_service', {
        security_policy: '${google_compute_security_policy.cloudflare_only.id}',
      });
    }
    expectNoResource(direct, 'google_compute_security_policy');
    expect(
      resourcesOf(direct, 'google_compute_backend_service')['loadbalancer'],
    ).not.toHaveProperty('security_policy');
  });

  it('has no Cloud Armor policy when cloudflareOnly is turned off', () => {
    const service = serviceInfo('web');
    const off = stackOf(
      synthesize(
        spec(service, [
          environment(service, {
            id: 'dev',
            category: 'test',
            service: serviceSettings({
              domain: cloudflareDomain('web', 'example.com', { cloudflareOnly: false }),
            }),
          }),
        ]),
        platformConfig(),
      ),
      'dev',
      'cloudrun',
    );
    expectResource(off, 'cloudflare_dns_record', { proxied: true });
    expectNoResource(off, 'google_compute_security_policy');
    expect(JSON.stringify(off.document.data ?? {})).not.toContain('cloudflare_ip_ranges');
  });

  it('uses the origin certificate when proxied and a Google-managed one otherwise', () => {
    expectResource(dev, 'google_compute_ssl_certificate', {
      private_key: '${data.google_secret_manager_secret_version.cloudflare_origin_key.secret_data}',
    });
    expectResource(direct, 'google_compute_managed_ssl_certificate', {
      managed: [{ domains: ['web-app-direct.example.com'] }],
    });
    expectNoResource(direct, 'google_compute_ssl_certificate');
  });

  it('creates the DNS record, proxied unless turned off, and logs the backend when asked', () => {
    expectResource(prod, 'cloudflare_dns_record', {
      zone_id: '${data.cloudflare_zone.domain.id}',
      name: 'app.example.com',
      type: 'A',
      content: '${google_compute_global_address.loadbalancer.address}',
      proxied: true,
    });
    expectResource(direct, 'cloudflare_dns_record', { proxied: false });
    expectResource(direct, 'google_compute_backend_service', {
      log_config: [{ enable: true, sample_rate: 1 }],
    });
    expectResource(prod, 'google_compute_backend_service', {
      log_config: [{ enable: false, sample_rate: 1 }],
    });
    expect(dataOf(prod, 'cloudflare_zone')).toEqual({
      domain: { filter: { name: 'example.com' } },
    });
  });

  it('reads the Cloudflare token ephemerally, so it never reaches state or plans', () => {
    expect(
      prod.document.ephemeral?.google_secret_manager_secret_version?.['cloudflare_api_token'],
    ).toEqual({
      project: 'example-secrets',
      secret: 'CLOUDFLARE_API_TOKEN',
    });
    expect(JSON.stringify(prod.document.data ?? {})).not.toContain('CLOUDFLARE_API_TOKEN');
    expect(prod.document.provider?.['cloudflare']).toEqual([
      {
        api_token:
          '${ephemeral.google_secret_manager_secret_version.cloudflare_api_token.secret_data}',
      },
    ]);
    expect(prod.document.terraform?.required_providers['cloudflare']).toEqual({
      source: 'cloudflare/cloudflare',
      version: '~> 5.22',
    });
  });

  describe('without the cloudflare settings of the platform config', () => {
    const service = serviceInfo('web');
    const env = (proxied: boolean) =>
      environment(service, {
        id: 'dev',
        category: 'test',
        service: serviceSettings({ domain: cloudflareDomain('web', 'example.com', { proxied }) }),
      });
    const cloudrun = (proxied: boolean, cloudflare: unknown) =>
      stackOf(
        synthesize(
          spec(service, [env(proxied)]),
          platformConfig({ cloudflare: cloudflare as never }),
        ),
        'dev',
        'cloudrun',
      );

    it('leaves the Cloudflare token to the provider (CLOUDFLARE_API_TOKEN)', () => {
      const stack = cloudrun(false, undefined);
      expect(stack.document.provider?.['cloudflare']).toBeUndefined();
      expect(stack.document.ephemeral).toBeUndefined();
      expect(stack.document.terraform?.required_providers['cloudflare']).toBeDefined();
      expectResource(stack, 'cloudflare_dns_record', { proxied: false });
      expect(stack.inputs).toEqual({});
    });

    it("takes a proxied domain's origin certificate from input variables with format checks", () => {
      for (const cloudflare of [undefined, { apiTokenSecret: { project: 'p', secret: 's' } }]) {
        const stack = cloudrun(true, cloudflare);
        expectResource(stack, 'google_compute_ssl_certificate', {
          certificate: '${var.cloudflare_origin_certificate}',
          private_key: '${var.cloudflare_origin_private_key}',
        });
        expect(Object.keys(stack.inputs ?? {})).toEqual([
          'cloudflare_origin_certificate',
          'cloudflare_origin_private_key',
        ]);
        const key = stack.document.variable?.['cloudflare_origin_private_key'];
        expect(key?.sensitive).toBe(true);
        expect(key?.validation?.[0]?.condition).toBe(
          '${can(regex("^-----BEGIN ([A-Z]+ )?PRIVATE KEY-----", var.cloudflare_origin_private_key))}',
        );
      }
    });
  });
});

describe('Sentry', () => {
  it('creates a project <svc>-<env> and passes its public DSN as SENTRY_DSN', () => {
    expectResource(prod, 'sentry_project', {
      organization: 'example-org',
      teams: ['platform'],
      name: 'Web App - prod',
      slug: 'web-app-prod',
      default_rules: false,
    });
    expectResource(prod, 'sentry_key', {
      project: '${sentry_project.sentry.slug}',
      name: 'Managed Services Platform',
    });
    expect(JSON.stringify(resourcesOf(prod, 'google_cloud_run_v2_service'))).toContain(
      '{"name":"SENTRY_DSN","value":"${sentry_key.sentry.dsn[\\"public\\"]}"}',
    );
  });

  it('is absent without a Sentry organisation in the platform config', () => {
    const other = stackOf(synthesizeCase('service-basic'), 'prod', 'cloudrun');
    expectNoResource(other, 'sentry_project');
    expect(JSON.stringify(other.document)).not.toContain('SENTRY_DSN');
  });
});
