import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A VPC network with no automatic subnetworks. */
export function computeNetwork(
  id: string,
  config: { name: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_network', id, {
      name: config.name,
      auto_create_subnetworks: false,
    }),
    outputs: { id: resourceRef('google_compute_network', id, 'id') },
  };
}
