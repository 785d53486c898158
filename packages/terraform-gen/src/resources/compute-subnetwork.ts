import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/**
 * A subnetwork with Private Google Access (Google APIs without public IPs)
 * and VPC flow logs (sampled, all metadata).
 */
export function computeSubnetwork(
  id: string,
  config: { name: string; network: string; region: string; ipCIDRRange: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_subnetwork', id, {
      name: config.name,
      network: config.network,
      region: config.region,
      ip_cidr_range: config.ipCIDRRange,
      private_ip_google_access: true,
      private_ipv6_google_access: 'DISABLE_GOOGLE_ACCESS',
      log_config: [
        {
          aggregation_interval: 'INTERVAL_10_MIN',
          flow_sampling: 0.5,
          metadata: 'INCLUDE_ALL_METADATA',
        },
      ],
    }),
    outputs: { id: resourceRef('google_compute_subnetwork', id, 'id') },
  };
}
