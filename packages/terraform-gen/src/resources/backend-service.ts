import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A global backend service over one endpoint group, optionally behind a Cloud Armor policy. */
export function backendService(
  id: string,
  config: { name: string; group: string; logging: boolean; securityPolicy?: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_backend_service', id, {
      name: config.name,
      protocol: 'HTTP',
      port_name: 'http',
      backend: [{ group: config.group }],
      log_config: [{ enable: config.logging, sample_rate: 1 }],
      ...(config.securityPolicy === undefined ? {} : { security_policy: config.securityPolicy }),
      lifecycle: { create_before_destroy: true },
    }),
    outputs: { id: resourceRef('google_compute_backend_service', id, 'id') },
  };
}
