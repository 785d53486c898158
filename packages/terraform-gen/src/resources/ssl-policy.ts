import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** TLS 1.2 or later with the MODERN cipher profile. */
export function modernSSLPolicy(
  id: string,
  config: { name: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_ssl_policy', id, {
      name: config.name,
      profile: 'MODERN',
      min_tls_version: 'TLS_1_2',
    }),
    outputs: { id: resourceRef('google_compute_ssl_policy', id, 'id') },
  };
}
