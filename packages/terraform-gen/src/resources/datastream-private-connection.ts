import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** Datastream's peering into the private network, through a dedicated subnet. */
export function datastreamPrivateConnection(
  id: string,
  config: { name: string; location: string; network: string; subnet: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_datastream_private_connection', id, {
      private_connection_id: config.name,
      display_name: config.name,
      location: config.location,
      vpc_peering_config: [{ vpc: config.network, subnet: config.subnet }],
    }),
    outputs: { id: resourceRef('google_datastream_private_connection', id, 'id') },
  };
}
