import type { PlatformConfig, ResolvedDomain } from '@msp/spec';
import type { Expression } from '../../expression.js';
import { dataRef, dataSource } from '../../fragment.js';
import { managedSSLCertificate } from '../../resources/managed-ssl-certificate.js';
import { sslCertificate } from '../../resources/ssl-certificate.js';
import { shortHash } from '../../short-hash.js';
import { inputVariable } from '../../input-variable.js';
import type { Fragment } from '../../terraform.js';

/** Input variables holding the origin certificate when the platform config has none. */
export const ORIGIN_CERTIFICATE_VARIABLES = {
  certificate: 'cloudflare_origin_certificate',
  privateKey: 'cloudflare_origin_private_key',
} as const;

const PEM = (kind: string, pattern: string = kind) => ({
  pattern: `^-----BEGIN ${pattern}-----`,
  message: `must be PEM text starting with "-----BEGIN ${kind}-----"`,
});

/**
 * The certificate the anchor chooses: the platform's Cloudflare origin
 * certificate when proxied (a Google-managed one cannot validate behind the
 * proxy), else a Google-managed certificate for the domain. A proxied domain
 * without `cloudflare.originCertificate` takes the certificate and key from
 * input variables the operator supplies.
 */
export function domainCertificate(
  domain: ResolvedDomain,
  cloudflare: PlatformConfig['cloudflare'],
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
  const origin = cloudflare?.originCertificate;
  const pem =
    origin === undefined
      ? originCertificateInputs()
      : {
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
          fragments: [
            dataSource(
              'google_secret_manager_secret_version',
              'cloudflare_origin_cert',
              origin.certSecret,
            ),
            dataSource(
              'google_secret_manager_secret_version',
              'cloudflare_origin_key',
              origin.keySecret,
            ),
          ],
        };
  const cert = sslCertificate('cf_origin_cert', {
    namePrefix: 'cf-origin-cert-',
    certificate: pem.certificate,
    privateKey: pem.privateKey,
  });
  return { fragments: [...pem.fragments, cert.fragment], id: cert.outputs.id };
}

function originCertificateInputs(): {
  certificate: Expression;
  privateKey: Expression;
  fragments: Fragment[];
} {
  const certificate = inputVariable(ORIGIN_CERTIFICATE_VARIABLES.certificate, {
    description:
      'PEM of the Cloudflare origin certificate of the proxied domain (cloudflare.originCertificate is not set in msp.config.yaml).',
    format: PEM('CERTIFICATE'),
  });
  const privateKey = inputVariable(ORIGIN_CERTIFICATE_VARIABLES.privateKey, {
    description: 'PEM of the private key of the Cloudflare origin certificate.',
    format: PEM('PRIVATE KEY', '([A-Z]+ )?PRIVATE KEY'),
    sensitive: true,
  });
  return {
    certificate: certificate.value,
    privateKey: privateKey.value,
    fragments: [certificate.fragment, privateKey.fragment],
  };
}
