import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A serverless network endpoint group pointing at a Cloud Run service. */
export function serverlessNEG(
  id: string,
  config: { name: string; region: string; cloudRunService: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_compute_region_network_endpoint_group', id, {
      name: config.name,
      region: config.region,
      network_endpoint_type: 'SERVERLESS',
      cloud_run: [{ service: config.cloudRunService }],
    }),
    outputs: { id: resourceRef('google_compute_region_network_endpoint_group', id, 'id') },
  };
}
