import { resource, resourceRef, dependsOn } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';
import {
  containerBase,
  secretVolumeBlocks,
  vpcAccessBlocks,
  type ContainerConfig,
  type VPCAccess,
} from './cloud-run-template.js';

export interface CloudRunJobConfig {
  readonly name: string;
  readonly location: string;
  readonly serviceAccount: string;
  readonly deletionProtection: boolean;
  /** Deadline of one execution. */
  readonly timeoutSeconds: number;
  readonly executionEnvironment?: 'EXECUTION_ENVIRONMENT_GEN1' | 'EXECUTION_ENVIRONMENT_GEN2';
  readonly container: ContainerConfig;
  readonly vpcAccess?: VPCAccess;
  readonly dependsOn: readonly string[];
}

/** A Cloud Run job running one task per execution. */
export function cloudRunJob(
  id: string,
  c: CloudRunJobConfig,
): { fragment: Fragment; outputs: { name: Expression; location: Expression } } {
  return {
    fragment: resource('google_cloud_run_v2_job', id, {
      name: c.name,
      location: c.location,
      deletion_protection: c.deletionProtection,
      template: [
        {
          task_count: 1,
          template: [
            {
              service_account: c.serviceAccount,
              timeout: `${c.timeoutSeconds}s`,
              ...(c.executionEnvironment === undefined
                ? {}
                : { execution_environment: c.executionEnvironment }),
              ...vpcAccessBlocks(c.vpcAccess),
              containers: [containerBase(c.container)],
              ...(c.container.volumes.length === 0
                ? {}
                : { volumes: secretVolumeBlocks(c.container.volumes) }),
            },
          ],
        },
      ],
      ...dependsOn(c.dependsOn),
    }),
    outputs: {
      name: resourceRef('google_cloud_run_v2_job', id, 'name'),
      location: resourceRef('google_cloud_run_v2_job', id, 'location'),
    },
  };
}
