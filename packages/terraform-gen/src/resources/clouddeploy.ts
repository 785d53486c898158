import { dependsOn, resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A Cloud Deploy custom target type whose render and deploy actions come from the release's Skaffold config. */
export function clouddeployCustomTargetType(
  id: string,
  config: { name: string; location: string; renderAction: string; deployAction: string },
): { fragment: Fragment; outputs: { id: Expression } } {
  return {
    fragment: resource('google_clouddeploy_custom_target_type', id, {
      name: config.name,
      location: config.location,
      labels: { msp: 'true' },
      custom_actions: [{ render_action: config.renderAction, deploy_action: config.deployAction }],
    }),
    outputs: { id: resourceRef('google_clouddeploy_custom_target_type', id, 'id') },
  };
}

/** A serial delivery pipeline through targets, in order. */
export function clouddeployDeliveryPipeline(
  id: string,
  config: {
    name: string;
    location: string;
    description: string;
    suspended: boolean;
    targetIDs: readonly string[];
    dependsOn: readonly string[];
  },
): { fragment: Fragment; outputs: { uid: Expression } } {
  return {
    fragment: resource('google_clouddeploy_delivery_pipeline', id, {
      name: config.name,
      location: config.location,
      description: config.description,
      suspended: config.suspended,
      serial_pipeline: [{ stages: config.targetIDs.map((t) => ({ target_id: t })) }],
      ...dependsOn(config.dependsOn),
    }),
    outputs: { uid: resourceRef('google_clouddeploy_delivery_pipeline', id, 'uid') },
  };
}

/** A custom target, deployed by the executor account with the given parameters. */
export function clouddeployTarget(
  id: string,
  config: {
    name: string;
    location: string;
    customTargetType: string;
    deployParameters: Readonly<Record<string, string>>;
    executionServiceAccount: string;
  },
): { fragment: Fragment } {
  return {
    fragment: resource('google_clouddeploy_target', id, {
      name: config.name,
      location: config.location,
      custom_target: [{ custom_target_type: config.customTargetType }],
      deploy_parameters: { ...config.deployParameters },
      execution_configs: [
        { usages: ['RENDER', 'DEPLOY'], service_account: config.executionServiceAccount },
      ],
    }),
  };
}
