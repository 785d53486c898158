import { resource, resourceRef, dependsOn } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';
import {
  containerBase,
  httpProbeBlock,
  secretVolumeBlocks,
  vpcAccessBlocks,
  type ContainerConfig,
  type HTTPProbe,
  type VPCAccess,
} from './cloud-run-template.js';

export interface CloudRunServiceConfig {
  readonly name: string;
  readonly location: string;
  readonly serviceAccount: string;
  readonly deletionProtection: boolean;
  readonly timeoutSeconds: number;
  readonly maxInstanceRequestConcurrency: number;
  readonly scaling?: { readonly minInstanceCount: number; readonly maxInstanceCount: number };
  readonly executionEnvironment?: 'EXECUTION_ENVIRONMENT_GEN1' | 'EXECUTION_ENVIRONMENT_GEN2';
  readonly container: ContainerConfig;
  readonly startupProbe?: HTTPProbe;
  readonly livenessProbe?: HTTPProbe;
  readonly vpcAccess?: VPCAccess;
  readonly dependsOn: readonly string[];
  /** Another system (Cloud Deploy) owns the image: ignore it and the client fields it sets. */
  readonly imageManagedElsewhere: boolean;
}

/**
 * A Cloud Run service reachable only through internal traffic and the load
 * balancer, with all traffic on the latest revision.
 */
export function cloudRunService(
  id: string,
  c: CloudRunServiceConfig,
): { fragment: Fragment; outputs: { name: Expression; location: Expression } } {
  const container = {
    ...containerBase(c.container),
    ...(c.startupProbe === undefined ? {} : { startup_probe: [httpProbeBlock(c.startupProbe)] }),
    ...(c.livenessProbe === undefined ? {} : { liveness_probe: [httpProbeBlock(c.livenessProbe)] }),
  };
  return {
    fragment: resource('google_cloud_run_v2_service', id, {
      name: c.name,
      location: c.location,
      ingress: 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
      deletion_protection: c.deletionProtection,
      traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
      template: [
        {
          service_account: c.serviceAccount,
          timeout: `${c.timeoutSeconds}s`,
          max_instance_request_concurrency: c.maxInstanceRequestConcurrency,
          ...(c.scaling === undefined
            ? {}
            : {
                scaling: [
                  {
                    min_instance_count: c.scaling.minInstanceCount,
                    max_instance_count: c.scaling.maxInstanceCount,
                  },
                ],
              }),
          ...(c.executionEnvironment === undefined
            ? {}
            : { execution_environment: c.executionEnvironment }),
          ...vpcAccessBlocks(c.vpcAccess),
          containers: [container],
          ...(c.container.volumes.length === 0
            ? {}
            : { volumes: secretVolumeBlocks(c.container.volumes) }),
        },
      ],
      ...dependsOn(c.dependsOn),
      ...(c.imageManagedElsewhere
        ? {
            lifecycle: {
              ignore_changes: ['template[0].containers[0].image', 'client', 'client_version'],
            },
          }
        : {}),
    }),
    outputs: {
      name: resourceRef('google_cloud_run_v2_service', id, 'name'),
      location: resourceRef('google_cloud_run_v2_service', id, 'location'),
    },
  };
}
