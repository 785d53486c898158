import { expr } from '../../expression.js';
import type { DynamicVariable, StackContext } from '../../stack.js';

/** Name of the variable holding a subscription deploy's resolved `tag@sha256:digest`. */
export const RESOLVED_IMAGE_TAG_VARIABLE = 'resolved_image_tag';

/** The container image, and the tfvars variable that pins it for `subscription` deploys. */
export function workloadImage({ spec, env, resolvedImageTag }: StackContext): {
  image: string;
  variables: Record<string, DynamicVariable>;
} {
  if (env.deploy.type !== 'subscription')
    return { image: `${spec.build.image}:${env.imageTag}`, variables: {} };
  if (resolvedImageTag === undefined) {
    throw new Error(
      `environment "${env.id}" has deploy type subscription: resolve its image tag first ` +
        `(resolveImageTags) and pass it as options.imageTags["${env.id}"]`,
    );
  }
  return {
    image: `${spec.build.image}:${expr(`var.${RESOLVED_IMAGE_TAG_VARIABLE}`)}`,
    variables: {
      [RESOLVED_IMAGE_TAG_VARIABLE]: {
        description: `Image tag of ${spec.build.image} resolved from subscription tag "${env.deploy.tag}".`,
        value: resolvedImageTag,
      },
    },
  };
}
