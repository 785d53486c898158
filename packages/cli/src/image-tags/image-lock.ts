import type { ResolvedSpec } from '@msp/spec';

/*
 * The lock file of resolved image digests, beside the generated Terraform
 * (`IMAGE_LOCK_PATH`, `terraform/images.lock.json`). It is a committed input of
 * generation: a subscription environment with an entry for its image and tag is
 * generated with that digest and without asking the registry.
 */

/** One subscription environment's pinned image. */
export interface ImageLockEntry {
  readonly image: string;
  readonly tag: string;
  /** `sha256:<64 hex>` */
  readonly digest: string;
}

/** Pinned images by environment ID. */
export type ImageLock = Readonly<Record<string, ImageLockEntry>>;

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/**
 * Reads a lock file; entries that are not well-formed are left out (and so
 * resolved again), since the file is only ever written by {@link renderImageLock}.
 */
export function parseImageLock(text: string): ImageLock {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  const environments = isRecord(value) ? value['environments'] : undefined;
  if (!isRecord(environments)) return {};
  const out: Record<string, ImageLockEntry> = {};
  for (const [id, entry] of Object.entries(environments)) {
    if (!isRecord(entry)) continue;
    const { image, tag, digest } = entry;
    if (typeof image === 'string' && typeof tag === 'string' && typeof digest === 'string')
      if (DIGEST.test(digest)) out[id] = { image, tag, digest };
  }
  return out;
}

/** The lock file's text: sorted keys, so equal locks render to equal bytes. */
export function renderImageLock(lock: ImageLock): string {
  const environments: Record<string, ImageLockEntry> = {};
  for (const id of Object.keys(lock).sort()) {
    const entry = lock[id];
    if (entry !== undefined)
      environments[id] = { digest: entry.digest, image: entry.image, tag: entry.tag };
  }
  const file = {
    '//': 'Written by "msp generate": the digest each subscription deploy is pinned to. Refresh with "msp generate --no-stable".',
    environments,
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** The entry of a resolved `tag@sha256:digest`, or undefined for a tag that is not pinned. */
export function lockEntry(image: string, resolvedTag: string): ImageLockEntry | undefined {
  const at = resolvedTag.lastIndexOf('@');
  if (at < 0) return undefined;
  const digest = resolvedTag.slice(at + 1);
  return DIGEST.test(digest) ? { image, tag: resolvedTag.slice(0, at), digest } : undefined;
}

/** The subscription environments of a spec whose lock entry still matches its image and tag. */
export function lockedTags(spec: ResolvedSpec, lock: ImageLock): Record<string, string> {
  const out: Record<string, string> = {};
  for (const env of spec.environments) {
    const entry = lock[env.id];
    if (env.deploy.type !== 'subscription' || entry === undefined) continue;
    if (entry.image === spec.build.image && entry.tag === env.deploy.tag)
      out[env.id] = `${entry.tag}@${entry.digest}`;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
