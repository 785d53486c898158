// The private network Redis and Cloud SQL attach to, with its service networking peering.
import type { TerraformStack } from 'cdktf';
import { ComputeGlobalAddress } from '@cdktf/provider-google/lib/compute-global-address/index.js';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network/index.js';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork/index.js';
import { ServiceNetworkingConnection } from '@cdktf/provider-google/lib/service-networking-connection/index.js';
import { SERVICE } from './config.ts';

export interface PrivateNetwork {
  readonly network: ComputeNetwork;
  readonly subnetwork: ComputeSubnetwork;
  readonly connection: ServiceNetworkingConnection;
}

export function privateNetwork(stack: TerraformStack): PrivateNetwork {
  const network = new ComputeNetwork(stack, 'private_network', {
    name: SERVICE.id,
    autoCreateSubnetworks: false,
  });
  const subnetwork = new ComputeSubnetwork(stack, 'private_network_subnet', {
    name: SERVICE.id,
    network: network.id,
    region: SERVICE.region,
    ipCidrRange: '10.0.0.0/28',
    privateIpGoogleAccess: true,
    privateIpv6GoogleAccess: 'DISABLE_GOOGLE_ACCESS',
    logConfig: {
      aggregationInterval: 'INTERVAL_10_MIN',
      flowSampling: 0.5,
      metadata: 'INCLUDE_ALL_METADATA',
    },
  });
  subnetwork.overrideLogicalId('private_network');
  const address = new ComputeGlobalAddress(stack, 'service_networking', {
    name: `${SERVICE.id}-service-networking-connection`,
    network: network.id,
    purpose: 'VPC_PEERING',
    addressType: 'INTERNAL',
    prefixLength: 16,
  });
  const connection = new ServiceNetworkingConnection(stack, 'service_networking_connection', {
    network: network.id,
    service: 'servicenetworking.googleapis.com',
    reservedPeeringRanges: [address.name],
  });
  connection.overrideLogicalId('service_networking');
  return { network, subnetwork, connection };
}
