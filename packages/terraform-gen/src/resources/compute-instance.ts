import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

export interface ContainerVMConfig {
  readonly name: string;
  readonly zone: string;
  readonly machineType: string;
  readonly subnetwork: string;
  readonly serviceAccountEmail: string;
  /** Container-Optimized OS container declaration (YAML). */
  readonly containerDeclaration: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A small Container-Optimized OS VM running one container, with no public
 * IP, shielded boot, and the instance name as its network tag.
 */
export function containerVM(
  id: string,
  c: ContainerVMConfig,
): { fragment: Fragment; outputs: { internalIP: Expression } } {
  return {
    fragment: resource('google_compute_instance', id, {
      name: c.name,
      zone: c.zone,
      machine_type: c.machineType,
      tags: [c.name],
      labels: { ...c.labels },
      boot_disk: [{ initialize_params: [{ image: 'cos-cloud/cos-stable', size: 10 }] }],
      network_interface: [{ subnetwork: c.subnetwork }],
      service_account: [{ email: c.serviceAccountEmail, scopes: ['cloud-platform'] }],
      shielded_instance_config: [
        { enable_secure_boot: true, enable_vtpm: true, enable_integrity_monitoring: true },
      ],
      metadata: {
        'gce-container-declaration': c.containerDeclaration,
        'google-logging-enabled': 'true',
      },
      allow_stopping_for_update: true,
    }),
    outputs: {
      internalIP: resourceRef('google_compute_instance', id, 'network_interface[0].network_ip'),
    },
  };
}
