import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** The HTTPS proxy terminating TLS with the given certificate and policy. */
export function targetHTTPSProxy(
  id: string,
  config: { name: string; urlMap: string; certificate: string; sslPolicy: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_target_https_proxy', id, {
      name: config.name,
      url_map: config.urlMap,
      ssl_certificates: [config.certificate],
      ssl_policy: config.sslPolicy,
    }),
    outputs: { id: resourceRef('google_compute_target_https_proxy', id, 'id') },
  };
}
