import type { ResolvedPublication } from '@msp/spec';
import { DATASTREAM_PROXY_NAME, publicationUser, terraformIdentifier } from '../../names.js';
import { ingressFirewall } from '../../resources/compute-firewall.js';
import { containerVM } from '../../resources/compute-instance.js';
import { datastreamPostgreSQLProfile } from '../../resources/datastream-connection-profile.js';
import { datastreamPrivateConnection } from '../../resources/datastream-private-connection.js';
import { resourceRef } from '../../fragment.js';
import type { Fragment } from '../../terraform.js';

/** Subnet Datastream peers into the private network with. */
export const DATASTREAM_SUBNET = '10.126.0.0/29';
/** Google's IAP TCP forwarding range, for SSH to the proxy VM. */
export const IAP_RANGE = '35.235.240.0/20';
const PROXY_IMAGE = 'gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.14.1';

/**
 * Datastream cannot use the Cloud SQL connectors, so a small VM runs the
 * Cloud SQL Auth Proxy on the private network; Datastream reaches it over a
 * private connection, with one connection profile per publication. The
 * stream itself is created by hand.
 */
export function datastreamFragments(input: {
  region: string;
  networkID: string;
  subnetworkID: string;
  connectionName: string;
  /** The proxy VM's service account (an output of the iam stack). */
  serviceAccountEmail: string;
  publications: readonly ResolvedPublication[];
}): Fragment[] {
  const declaration = [
    'spec:',
    '  containers:',
    '    - name: cloud-sql-proxy',
    `      image: ${PROXY_IMAGE}`,
    '      args:',
    '        - --private-ip',
    '        - --address=0.0.0.0',
    `        - ${input.connectionName}`,
    '  restartPolicy: Always',
    '',
  ].join('\n');
  const vm = containerVM('datastream_cloudsqlproxy', {
    name: DATASTREAM_PROXY_NAME,
    zone: `${input.region}-a`,
    machineType: 'e2-micro',
    subnetwork: input.subnetworkID,
    serviceAccountEmail: input.serviceAccountEmail,
    containerDeclaration: declaration,
    labels: { 'container-vm': 'cos-stable', msp: 'true' },
  });
  const connection = datastreamPrivateConnection('datastream_cloudsqlproxy', {
    name: DATASTREAM_PROXY_NAME,
    location: input.region,
    network: input.networkID,
    subnet: DATASTREAM_SUBNET,
  });
  const firewalls = [
    ingressFirewall('datastream_cloudsqlproxy', {
      name: DATASTREAM_PROXY_NAME,
      network: input.networkID,
      sourceRanges: [DATASTREAM_SUBNET],
      ports: ['5432'],
      targetTag: DATASTREAM_PROXY_NAME,
    }),
    ingressFirewall('datastream_cloudsqlproxy_iap', {
      name: `${DATASTREAM_PROXY_NAME}-iap`,
      network: input.networkID,
      sourceRanges: [IAP_RANGE],
      ports: ['22'],
      targetTag: DATASTREAM_PROXY_NAME,
    }),
  ];
  const profiles = input.publications.map((p) => {
    const id = terraformIdentifier(p.name);
    return datastreamPostgreSQLProfile(`publication_${id}`, {
      name: `msp-publication-${p.name}`,
      location: input.region,
      hostname: vm.outputs.internalIP,
      database: p.database,
      username: publicationUser(p.name),
      password: resourceRef('random_password', `publication_${id}`, 'result'),
      privateConnection: connection.outputs.id,
    }).fragment;
  });
  return [vm.fragment, connection.fragment, ...firewalls.map((f) => f.fragment), ...profiles];
}
