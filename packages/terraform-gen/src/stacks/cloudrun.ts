import type { Expression } from '../expression.js';
import { googleProvider } from '../providers.js';
import type { Stack, StackContext } from '../stack.js';
import type { Fragment } from '../terraform.js';
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
  const parts = [
    baseEnvPart(ctx),
    secretsPart(env),
    ...resourceParts(ctx),
    sentryPart(ctx),
    rolloutPart(ctx),
  ].filter((p) => p !== undefined);
  const workload = buildWorkload(ctx, image, parts);
  return {
    name: 'cloudrun',
    fragments: [googleProvider(env), ...workload.part.fragments, ...workload.fragments],
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
    files: workload.part.files ?? {},
  };
}

/** The service (with its diagnostics secret and domain) or the job, over the combined parts. */
function buildWorkload(
  ctx: StackContext,
  image: string,
  parts: readonly CloudRunPart[],
): { part: CloudRunPart; fragments: Fragment[]; name: Expression; location: Expression } {
  const { env } = ctx;
  if (env.service !== undefined) {
    const diagnostics = diagnosticsPart();
    const domain = env.service.domain === undefined ? [] : [domainPart(ctx, env.service.domain)];
    const part = combineParts([...parts, diagnostics, ...domain]);
    return { part, ...serviceWorkload(ctx, env.service, image, part, diagnostics.secret) };
  }
  if (env.job !== undefined) {
    const part = combineParts(parts);
    return { part, ...jobWorkload(ctx, env.job, image, part) };
  }
  throw new Error(`environment "${env.id}" has neither service nor job settings`);
}
