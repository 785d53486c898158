/**
 * Image digest resolution, the one I/O step of generation: it runs at the
 * CLI's edge and hands `@msp/terraform-gen` explicit digests, pinned in the
 * committed `terraform/images.lock.json`.
 */
export { resolveImageTags } from './resolve-image-tags.js';
export type { ResolveImageTagsOptions } from './resolve-image-tags.js';
export { registryResolver, parseChallenge, isRegistryUnreachable } from './registry-resolver.js';
export type {
  ImageTagResolver,
  RegistryCredentials,
  RegistryResolverOptions,
} from './registry-resolver.js';
export { parseImageLock, renderImageLock, lockEntry, lockedTags } from './image-lock.js';
export type { ImageLock, ImageLockEntry } from './image-lock.js';
export { googleRegistryCredentials, isGoogleRegistry } from './google-credentials.js';
