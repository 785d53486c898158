import type { PlatformConfig, ResolvedDomain } from '@msp/spec';
import type { Expression } from '../../expression.js';
import { dataRef, dataSource } from '../../fragment.js';
import { managedSSLCertificate } from '../../resources/managed-ssl-certificate.js';
import { sslCertificate } from '../../resources/ssl-certificate.js';
import { shortHash } from '../../short-hash.js';
import type { Fragment } from '../../terraform.js';

/**
 * The certificate the anchor chooses: the platform's Cloudflare origin
 * certificate when proxied (a Google-managed one cannot validate behind the
 * proxy), else a Google-managed certificate for the domain.
 *
 * @throws Error when a proxied domain has no origin certificate configured.
 */
export function domainCertificate(
  envID: string,
  domain: ResolvedDomain,
  cloudflare: NonNullable<PlatformConfig['cloudflare']>,
): { fragments: Fragment[]; id: Expression } {
  if (!domain.proxied) {
    // The domain forces replacement, and the new certificate is created first:
    // its name changes with the domain so the two never collide.
    const managed = managedSSLCertificate('managed_cert', {
      name: `managed-cert-${shortHash(domain.dnsName)}`,
      domain: domain.dnsName,
    });
    return { fragments: [managed.fragment], id: managed.outputs.id };
  }
  const origin = cloudflare.originCertificate;
  if (origin === undefined) {
    throw new Error(
      `environment "${envID}" has a proxied Cloudflare domain: set cloudflare.originCertificate in msp.config.yaml ` +
        '(or set domain.cloudflare.proxied: false for a Google-managed certificate)',
    );
  }
  const cert = sslCertificate('cf_origin_cert', {
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
  return {
    fragments: [
      dataSource(
        'google_secret_manager_secret_version',
        'cloudflare_origin_cert',
        origin.certSecret,
      ),
      dataSource('google_secret_manager_secret_version', 'cloudflare_origin_key', origin.keySecret),
      cert.fragment,
    ],
    id: cert.outputs.id,
  };
}
