import { googleProvider } from '../providers.js';
import type { Stack, StackContext } from '../stack.js';
import { baseEnvPart } from './cloudrun/base-env.js';
import { combineParts } from './cloudrun/combine-parts.js';
import { diagnosticsPart } from './cloudrun/diagnostics.js';
import { domainPart } from './cloudrun/domain.js';
import { workloadImage } from './cloudrun/image.js';
import { jobWorkload } from './cloudrun/job.js';
import type { CloudRunPart } from './cloudrun/part.js';
import { resourceParts } from './cloudrun/resource-parts.js';
import { rolloutPart } from './cloudrun/rollout.js';
import { secretsPart } from './cloudrun/secrets.js';
import { sentryPart } from './cloudrun/sentry.js';
import { serviceWorkload } from './cloudrun/service.js';

/**
 * Stack `cloudrun`: the Cloud Run service or job with everything it uses.
 * Each concern is a part that adds resources and container settings.
 */
export function cloudrunStack(ctx: StackContext): Stack {
  const { env } = ctx;
  const { image, variables } = workloadImage(ctx);
  const rollout = rolloutPart(ctx);
  const sentry = sentryPart(ctx);
  const parts: CloudRunPart[] = [
    baseEnvPart(ctx),
    secretsPart(env),
    ...resourceParts(ctx),
    ...(sentry === undefined ? [] : [sentry]),
  ];

  let workload;
  if (env.service !== undefined) {
    const diagnostics = diagnosticsPart();
    const domain = env.service.domain;
    const part = combineParts([
      ...parts,
      diagnostics,
      ...(domain === undefined ? [] : [domainPart(ctx, domain)]),
    ]);
    workload = { part, ...serviceWorkload(ctx, env.service, image, part, diagnostics.secret) };
  } else if (env.job !== undefined) {
    const part = combineParts(parts);
    workload = { part, ...jobWorkload(ctx, env.job, image, part) };
  } else {
    throw new Error(`environment "${env.id}" has neither service nor job settings`);
  }

  return {
    name: 'cloudrun',
    fragments: [
      googleProvider(env),
      ...workload.part.fragments,
      ...workload.fragments,
      ...(rollout === undefined ? [] : rollout.fragments),
    ],
    outputs: {
      ...workload.part.outputs,
      cloud_run_resource_name: {
        value: workload.name,
        description: 'Name of the Cloud Run service or job.',
      },
      cloud_run_location: {
        value: workload.location,
        description: 'Region of the Cloud Run service or job.',
      },
    },
    variables,
  };
}
