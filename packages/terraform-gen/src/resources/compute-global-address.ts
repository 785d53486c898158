import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** An internal range reserved for VPC peering with Google services (Cloud SQL, Redis). */
export function peeringRange(
  id: string,
  config: { name: string; network: string; prefixLength: number },
): { fragment: Fragment; outputs: { name: Expression } } {
  return {
    fragment: resource('google_compute_global_address', id, {
      name: config.name,
      purpose: 'VPC_PEERING',
      address_type: 'INTERNAL',
      prefix_length: config.prefixLength,
      network: config.network,
    }),
    outputs: { name: resourceRef('google_compute_global_address', id, 'name') },
  };
}
