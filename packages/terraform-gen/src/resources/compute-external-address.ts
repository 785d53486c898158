import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A global external IPv4 address for a load balancer. */
export function externalAddress(
  id: string,
  config: { name: string },
): { fragment: Fragment; outputs: { address: Expression } } {
  return {
    fragment: resource('google_compute_global_address', id, {
      name: config.name,
      address_type: 'EXTERNAL',
      ip_version: 'IPV4',
    }),
    outputs: { address: resourceRef('google_compute_global_address', id, 'address') },
  };
}
