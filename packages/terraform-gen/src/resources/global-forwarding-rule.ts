import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** HTTPS (port 443 only) from an external address to a proxy. */
export function httpsForwardingRule(
  id: string,
  config: { name: string; target: string; ipAddress: string },
): { fragment: Fragment } {
  return {
    fragment: resource('google_compute_global_forwarding_rule', id, {
      name: config.name,
      target: config.target,
      ip_address: config.ipAddress,
      port_range: '443',
      load_balancing_scheme: 'EXTERNAL',
    }),
  };
}
