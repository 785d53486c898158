import type { ResolvedDomain } from '@msp/spec';
import { dataRef, dataSource } from '../../fragment.js';
import { tableName, terraformIdentifier } from '../../names.js';
import { backendService } from '../../resources/backend-service.js';
import { cloudflareARecord } from '../../resources/cloudflare-dns-record.js';
import { externalAddress } from '../../resources/compute-external-address.js';
import { edgeOnlySecurityPolicy } from '../../resources/edge-only-security-policy.js';
import { httpsForwardingRule } from '../../resources/global-forwarding-rule.js';
import { serverlessNEG } from '../../resources/serverless-neg.js';
import { modernSSLPolicy } from '../../resources/ssl-policy.js';
import { targetHTTPSProxy } from '../../resources/target-https-proxy.js';
import { urlMap } from '../../resources/url-map.js';
import { providerWithSecretToken } from '../../secret-provider.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { domainCertificate } from './domain-certificate.js';
import type { CloudRunPart } from './part.js';

/**
 * A Cloudflare domain: an external HTTPS load balancer (MODERN TLS ≥ 1.2)
 * in front of the service through a serverless NEG, the DNS record, and, for
 * proxied domains of every category (unless `cloudflareOnly: false`), a Cloud
 * Armor policy that only admits Cloudflare's edge. Without cloudflare settings in the platform config the
 * provider takes its token from `CLOUDFLARE_API_TOKEN` in the Terraform run's
 * environment (the provider's own default).
 */
export function domainPart({ env, platform }: StackContext, domain: ResolvedDomain): CloudRunPart {
  const cloudflare = platform.cloudflare;
  const names = tableName(env.names.loadBalancer, `load balancer names of ${env.id}`);
  const certificate = domainCertificate(domain, cloudflare);
  const armor = domain.cloudflareOnly ? cloudflareOnlyPolicy(names.securityPolicy) : undefined;

  const neg = serverlessNEG('cloudrun', {
    name: names.neg,
    region: env.region,
    cloudRunService: env.cloudRunName,
  });
  const backend = backendService('loadbalancer', {
    name: names.backend,
    group: neg.outputs.id,
    logging: domain.loadBalancerLogging,
    ...(armor === undefined ? {} : { securityPolicy: armor.id }),
  });
  const map = urlMap('loadbalancer', { name: names.urlMap, defaultService: backend.outputs.id });
  const policy = modernSSLPolicy('loadbalancer', { name: names.sslPolicy });
  const proxy = targetHTTPSProxy('loadbalancer', {
    name: names.httpsProxy,
    urlMap: map.outputs.id,
    certificate: certificate.id,
    sslPolicy: policy.outputs.id,
  });
  const address = externalAddress('loadbalancer', { name: names.address });
  const rule = httpsForwardingRule('loadbalancer', {
    name: names.forwardingRule,
    target: proxy.outputs.id,
    ipAddress: address.outputs.address,
  });
  const record = cloudflareARecord(terraformIdentifier(domain.subdomain), {
    zoneID: dataRef('cloudflare_zone', 'domain', 'id'),
    name: domain.dnsName,
    address: address.outputs.address,
    proxied: domain.proxied,
  });

  return {
    fragments: [
      ...(cloudflare === undefined
        ? []
        : providerWithSecretToken(
            'cloudflare',
            'api_token',
            'cloudflare_api_token',
            cloudflare.apiTokenSecret,
          )),
      ...certificate.fragments,
      ...(armor === undefined ? [] : armor.fragments),
      neg.fragment,
      backend.fragment,
      map.fragment,
      policy.fragment,
      proxy.fragment,
      address.fragment,
      rule.fragment,
      // The platform's Cloudflare zone, looked up by name.
      dataSource('cloudflare_zone', 'domain', { filter: { name: domain.zone } }),
      record.fragment,
    ],
    env: [],
    volumes: [],
    dependsOn: [],
  };
}

/** Cloud Armor admitting only Cloudflare's published IPv4 ranges. */
function cloudflareOnlyPolicy(name: string): { fragments: Fragment[]; id: string } {
  const policy = edgeOnlySecurityPolicy('cloudflare_only', {
    name,
    allowedRanges: dataRef('cloudflare_ip_ranges', 'cloudflare', 'ipv4_cidrs'),
  });
  return {
    fragments: [dataSource('cloudflare_ip_ranges', 'cloudflare', {}), policy.fragment],
    id: policy.outputs.id,
  };
}
