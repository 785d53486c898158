import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Private services access: peers the network with Google's service producer network. */
export function serviceNetworkingConnection(
  id: string,
  config: { network: string; reservedPeeringRanges: readonly string[] },
): { fragment: Fragment } {
  return {
    fragment: resource('google_service_networking_connection', id, {
      network: config.network,
      service: 'servicenetworking.googleapis.com',
      reserved_peering_ranges: [...config.reservedPeeringRanges],
    }),
  };
}
