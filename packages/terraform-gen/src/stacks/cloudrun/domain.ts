import type { ResolvedDomain } from '@msp/spec';
import { dataRef, dataSource, ephemeralRef, ephemeralResource } from '../../fragment.js';
import { loadBalancerNames, terraformIdentifier } from '../../names.js';
import { backendService } from '../../resources/backend-service.js';
import { cloudflareARecord } from '../../resources/cloudflare-dns-record.js';
import { externalAddress } from '../../resources/compute-external-address.js';
import { edgeOnlySecurityPolicy } from '../../resources/edge-only-security-policy.js';
import { httpsForwardingRule } from '../../resources/global-forwarding-rule.js';
import { managedSSLCertificate } from '../../resources/managed-ssl-certificate.js';
import { serverlessNEG } from '../../resources/serverless-neg.js';
import { sslCertificate } from '../../resources/ssl-certificate.js';
import { modernSSLPolicy } from '../../resources/ssl-policy.js';
import { targetHTTPSProxy } from '../../resources/target-https-proxy.js';
import { urlMap } from '../../resources/url-map.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import type { CloudRunPart } from './part.js';

/**
 * A Cloudflare domain: an external HTTPS load balancer (MODERN TLS ≥ 1.2)
 * in front of the service through a serverless NEG, the DNS record, and, for
 * proxied production domains, a Cloud Armor policy that only admits
 * Cloudflare's edge. Proxied domains use the platform's Cloudflare origin
 * certificate; others a Google-managed certificate.
 *
 * @throws Error when the platform config lacks the Cloudflare settings the domain needs.
 */
export function domainPart({ env, platform }: StackContext, domain: ResolvedDomain): CloudRunPart {
  const cloudflare = platform.cloudflare;
  if (cloudflare === undefined) {
    throw new Error(
      `environment "${env.id}" has a Cloudflare domain: set cloudflare.apiTokenSecret in msp.config.yaml`,
    );
  }
  const names = loadBalancerNames(env.cloudRunName);
  const fragments: Fragment[] = [
    // The token is opened for each run only: never stored in state or plans.
    ephemeralResource('google_secret_manager_secret_version', 'cloudflare_api_token', {
      project: cloudflare.apiTokenSecret.project,
      secret: cloudflare.apiTokenSecret.secret,
    }),
    {
      provider: {
        cloudflare: [
          {
            api_token: ephemeralRef(
              'google_secret_manager_secret_version',
              'cloudflare_api_token',
              'secret_data',
            ),
          },
        ],
      },
    },
  ];

  let certificate;
  if (domain.proxied) {
    const origin = cloudflare.originCertificate;
    if (origin === undefined) {
      throw new Error(
        `environment "${env.id}" has a proxied Cloudflare domain: set cloudflare.originCertificate in msp.config.yaml ` +
          '(or set domain.cloudflare.proxied: false for a Google-managed certificate)',
      );
    }
    fragments.push(
      dataSource(
        'google_secret_manager_secret_version',
        'cloudflare_origin_cert',
        origin.certSecret,
      ),
      dataSource('google_secret_manager_secret_version', 'cloudflare_origin_key', origin.keySecret),
    );
    certificate = sslCertificate('cf_origin_cert', {
      namePrefix: 'cf-origin-cert-',
      certificate: dataRef(
        'google_secret_manager_secret_version',
        'cloudflare_origin_cert',
        'secret_data',
      ),
      privateKey: dataRef(
        'google_secret_manager_secret_version',
        'cloudflare_origin_key',
        'secret_data',
      ),
    });
  } else {
    certificate = managedSSLCertificate('managed_cert', {
      name: 'managed-cert',
      domain: domain.dnsName,
    });
  }

  let securityPolicy;
  if (domain.proxied && env.isProduction) {
    fragments.push(dataSource('cloudflare_ip_ranges', 'cloudflare', {}));
    securityPolicy = edgeOnlySecurityPolicy('cloudflare_only', {
      name: names.securityPolicy,
      allowedRanges: dataRef('cloudflare_ip_ranges', 'cloudflare', 'ipv4_cidrs'),
    });
    fragments.push(securityPolicy.fragment);
  }

  const neg = serverlessNEG('cloudrun', {
    name: names.neg,
    region: env.region,
    cloudRunService: env.cloudRunName,
  });
  const backend = backendService('loadbalancer', {
    name: names.backend,
    group: neg.outputs.id,
    logging: domain.loadBalancerLogging,
    ...(securityPolicy === undefined ? {} : { securityPolicy: securityPolicy.outputs.id }),
  });
  const map = urlMap('loadbalancer', { name: names.urlMap, defaultService: backend.outputs.id });
  const policy = modernSSLPolicy('loadbalancer', { name: names.sslPolicy });
  const proxy = targetHTTPSProxy('loadbalancer', {
    name: names.httpsProxy,
    urlMap: map.outputs.id,
    certificate: certificate.outputs.id,
    sslPolicy: policy.outputs.id,
  });
  const address = externalAddress('loadbalancer', { name: names.address });
  const rule = httpsForwardingRule('loadbalancer', {
    name: names.forwardingRule,
    target: proxy.outputs.id,
    ipAddress: address.outputs.address,
  });
  const zone = dataSource('cloudflare_zones', 'domain', { name: domain.zone });
  const record = cloudflareARecord(terraformIdentifier(domain.subdomain), {
    zoneID: dataRef('cloudflare_zones', 'domain', 'result[0].id'),
    name: domain.dnsName,
    address: address.outputs.address,
    proxied: domain.proxied,
  });

  return {
    fragments: [
      ...fragments,
      certificate.fragment,
      neg.fragment,
      backend.fragment,
      map.fragment,
      policy.fragment,
      proxy.fragment,
      address.fragment,
      rule.fragment,
      zone,
      record.fragment,
    ],
    env: [],
    volumes: [],
    dependsOn: [],
  };
}
