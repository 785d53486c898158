import type { ResolvedSpec } from '@msp/spec';
import { RESOLVED_IMAGE_TAG_VARIABLE } from '../stacks/cloudrun/image.js';
import type { ImageTagResolver } from './registry-resolver.js';

export interface ResolveImageTagsOptions {
  /**
   * Current `terraform.tfvars` values of each environment's cloudrun stack
   * (see `parseTfvars`), by environment ID.
   */
  readonly existing?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Keep an existing resolved tag instead of asking the registry again. @default true */
  readonly stable?: boolean;
}

/**
 * Resolves the image tag of every `subscription` environment, for
 * `synthesize(..., { imageTags })`. With `stable` (the default) an
 * environment that already has a resolved tag for its subscribed tag keeps it. Resolves in
 * parallel and reports every failure at once.
 */
export async function resolveImageTags(
  spec: ResolvedSpec,
  resolver: ImageTagResolver,
  options: ResolveImageTagsOptions = {},
): Promise<Record<string, string>> {
  const stable = options.stable ?? true;
  const entries = spec.environments.flatMap((env) => {
    if (env.deploy.type !== 'subscription') return [];
    const tag = env.deploy.tag;
    const existing = options.existing?.[env.id]?.[RESOLVED_IMAGE_TAG_VARIABLE];
    // A changed subscription tag is resolved again even in stable mode.
    const kept = stable && existing?.startsWith(`${tag}@`) ? existing : undefined;
    return [
      {
        id: env.id,
        pending:
          kept === undefined ? resolver.resolve(spec.build.image, tag) : Promise.resolve(kept),
      },
    ];
  });
  const settled = await Promise.allSettled(entries.map((e) => e.pending));
  const out: Record<string, string> = {};
  const failures: string[] = [];
  settled.forEach((r, i) => {
    const id = entries[i]?.id ?? '';
    if (r.status === 'fulfilled') out[id] = r.value;
    else
      failures.push(
        `environment "${id}": ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`,
      );
  });
  if (failures.length > 0)
    throw new Error(`cannot resolve subscription image tags:\n  ${failures.join('\n  ')}`);
  return out;
}
