import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A Google-managed certificate for one domain (needs DNS pointing straight at the load balancer). */
export function managedSSLCertificate(
  id: string,
  config: { name: string; domain: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_managed_ssl_certificate', id, {
      name: config.name,
      managed: [{ domains: [config.domain] }],
      lifecycle: { create_before_destroy: true },
    }),
    outputs: { id: resourceRef('google_compute_managed_ssl_certificate', id, 'id') },
  };
}
