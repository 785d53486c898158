import type { ResolvedSpec } from '@msp/spec';
import { lockedTags, type ImageLock } from './image-lock.js';
import { isRegistryUnreachable, type ImageTagResolver } from './registry-resolver.js';

export interface ResolveImageTagsOptions {
  /** Keep a digest pinned in the lock instead of asking the registry again. @default true */
  readonly stable?: boolean;
  /** The committed lock file (`parseImageLock`), the only record of earlier resolutions. */
  readonly lock?: ImageLock;
  /**
   * Called for each environment left unpinned because the registry could not be
   * reached; its value is then the plain tag. Only when `stable`: an explicit
   * refresh fails instead.
   */
  readonly onUnpinned?: (environmentID: string, reason: string) => void;
}

/**
 * Resolves the image tag of every `subscription` environment, for
 * `generateService(..., { imageDigests })`: the one generation step that does
 * network I/O, so it runs at the CLI's edge and never inside the generator.
 * With `stable` (the default) an environment pinned in the committed lock for
 * its image and subscribed tag keeps that digest and the registry is not
 * asked; one that is not pinned is resolved, and when the registry cannot be
 * reached it gets the plain tag (see `onUnpinned`), so generation does not
 * depend on the network. Resolves in parallel and reports every other failure at once.
 */
export async function resolveImageTags(
  spec: ResolvedSpec,
  resolver: ImageTagResolver,
  options: ResolveImageTagsOptions = {},
): Promise<Record<string, string>> {
  const stable = options.stable ?? true;
  const locked = lockedTags(spec, options.lock ?? {});
  const entries = spec.environments.flatMap((env) => {
    if (env.deploy.type !== 'subscription') return [];
    const tag = env.deploy.tag;
    // A changed subscription tag (or image) has no lock entry, so it is resolved again.
    const kept = stable ? locked[env.id] : undefined;
    return [
      {
        id: env.id,
        tag,
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
    const tag = entries[i]?.tag ?? '';
    if (r.status === 'fulfilled') out[id] = r.value;
    else if (stable && isRegistryUnreachable(r.reason)) {
      out[id] = tag;
      options.onUnpinned?.(id, r.reason.message);
    } else
      failures.push(
        `environment "${id}": ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`,
      );
  });
  if (failures.length > 0)
    throw new Error(`cannot resolve subscription image tags:\n  ${failures.join('\n  ')}`);
  return out;
}
