import {
  isGoogleRegistry,
  lockEntry,
  parseImageLock,
  registryResolver,
  renderImageLock,
  resolveImageTags,
  type ImageLockEntry,
} from '../image-tags/index.js';
import { MspError } from '@msp/spec/errors';
import type { ResolvedSpec } from '@msp/spec';

export interface ImageDigestOptions {
  /** Keep a digest pinned in the lock instead of asking the registry again. */
  readonly stable: boolean;
  /** Text of the committed lock file `terraform/images.lock.json`, when there is one. */
  readonly lock?: string;
  /** Told of each environment left on its plain tag because the registry was unreachable. */
  readonly onUnpinned?: (environmentID: string, reason: string) => void;
  /** A Google OAuth access token for Google registries; anonymous when absent or undefined. */
  readonly googleAccessToken?: () => Promise<string | undefined>;
  /** Registry hosts spoken to over plain HTTP (local registries). */
  readonly plainHTTPHosts?: readonly string[];
}

/**
 * `tag@sha256:digest` of every `subscription` environment, from the committed
 * lock or the registry (the one I/O step of generation, at the CLI's edge), or
 * the plain tag when the registry cannot be reached. Empty when there is none.
 * @throws MspError `image-tags-unresolved` when a registry answers with an error.
 */
export async function imageDigests(
  resolved: ResolvedSpec,
  { stable, googleAccessToken, plainHTTPHosts, lock, onUnpinned }: ImageDigestOptions,
): Promise<Record<string, string>> {
  if (!resolved.environments.some((env) => env.deploy.type === 'subscription')) return {};
  let token: Promise<string | undefined> | undefined;
  const credentials = async (host: string) => {
    if (googleAccessToken === undefined || !isGoogleRegistry(host)) return undefined;
    const password = await (token ??= googleAccessToken());
    return password === undefined ? undefined : { username: 'oauth2accesstoken', password };
  };
  try {
    return await resolveImageTags(
      resolved,
      registryResolver({ credentials, plainHTTPHosts: plainHTTPHosts ?? [] }),
      {
        stable,
        ...(lock === undefined ? {} : { lock: parseImageLock(lock) }),
        ...(onUnpinned === undefined ? {} : { onUnpinned }),
      },
    );
  } catch (error) {
    throw new MspError(
      'image-tags-unresolved',
      error instanceof Error ? error.message : String(error),
      {
        hint: stable
          ? 'Check that the subscribed tag exists in the registry.'
          : 'Check that the registry is reachable and that the subscribed tag exists; without --no-stable, generation keeps the pinned digests.',
        cause: error,
      },
    );
  }
}

/**
 * The image lock file pinning each subscription environment's resolved digest;
 * undefined when no environment is pinned.
 */
export function imageLockText(
  resolved: ResolvedSpec,
  imageTags: Readonly<Record<string, string>>,
): string | undefined {
  const lock: Record<string, ImageLockEntry> = {};
  for (const env of resolved.environments) {
    const tag = imageTags[env.id];
    if (env.deploy.type !== 'subscription' || tag === undefined) continue;
    const entry = lockEntry(resolved.build.image, tag);
    if (entry !== undefined) lock[env.id] = entry;
  }
  return Object.keys(lock).length === 0 ? undefined : renderImageLock(lock);
}
