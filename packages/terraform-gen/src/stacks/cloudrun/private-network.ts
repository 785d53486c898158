import { address } from '../../fragment.js';
import { computeNetwork } from '../../resources/compute-network.js';
import { peeringRange } from '../../resources/compute-global-address.js';
import { computeSubnetwork } from '../../resources/compute-subnetwork.js';
import { serviceNetworkingConnection } from '../../resources/service-networking-connection.js';
import type { StackContext } from '../../stack.js';
import type { CloudRunPart } from './part.js';

/** Subnetwork for Cloud Run's direct VPC egress. */
export const PRIVATE_SUBNET_RANGE = '10.0.0.0/28';

export interface PrivateNetwork {
  readonly part: CloudRunPart;
  readonly networkID: string;
  readonly subnetworkID: string;
  /** Address of the peering connection, for resources that need it first (Cloud SQL). */
  readonly connection: string;
}

/**
 * The private network Redis and Cloud SQL live on: a network, a subnetwork
 * Cloud Run sends private-range traffic to (direct VPC egress), and private
 * services access for Google-managed services.
 */
export function privateNetwork({ spec, env }: StackContext): PrivateNetwork {
  const names = spec.names.privateNetwork;
  const network = computeNetwork('private_network', { name: names.network });
  const subnet = computeSubnetwork('private_network', {
    name: names.network,
    network: network.outputs.id,
    region: env.region,
    ipCIDRRange: PRIVATE_SUBNET_RANGE,
  });
  const range = peeringRange('service_networking', {
    name: names.peeringRange,
    network: network.outputs.id,
    prefixLength: 16,
  });
  const connection = serviceNetworkingConnection('service_networking', {
    network: network.outputs.id,
    reservedPeeringRanges: [range.outputs.name],
  });
  return {
    part: {
      fragments: [network.fragment, subnet.fragment, range.fragment, connection.fragment],
      env: [],
      volumes: [],
      dependsOn: [],
      vpcAccess: { network: network.outputs.id, subnetwork: subnet.outputs.id },
    },
    networkID: network.outputs.id,
    subnetworkID: subnet.outputs.id,
    connection: address('google_service_networking_connection', 'service_networking'),
  };
}
