import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** An uploaded certificate (e.g. a Cloudflare origin certificate), replaced before the old one goes. */
export function sslCertificate(
  id: string,
  config: { namePrefix: string; certificate: string; privateKey: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_ssl_certificate', id, {
      name_prefix: config.namePrefix,
      certificate: config.certificate,
      private_key: config.privateKey,
      lifecycle: { create_before_destroy: true },
    }),
    outputs: { id: resourceRef('google_compute_ssl_certificate', id, 'id') },
  };
}
