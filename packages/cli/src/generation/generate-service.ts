import { assertConformance } from './conformance.js';
import { existingGeneratedFiles } from './existing-files.js';
import { IMAGE_LOCK_PATH } from './stack-paths.js';
import { googleAccessToken } from '../gcp/access-token.js';
import type { Io } from '../cli/io.js';
import type { MspDeps } from '../deps.js';
import type { PreparedSpec } from '../spec/prepare-spec.js';
import type { ResolvedSpec } from '@msp/spec';

/**
 * Runs generation for a prepared spec in memory: image tags of subscription
 * environments (kept from the committed image lock when stable; the lock is the
 * only generated file read back),
 * `synthesize`, the schema conformance check, then `renderStackSet` plus the
 * image lock. An environment left on its plain tag because the registry could
 * not be reached is a warning on stderr. Paths are relative to the spec's
 * directory.
 * @throws CliError when the stacks do not conform to the provider schemas.
 */
export async function generateFiles(
  deps: MspDeps,
  prepared: PreparedSpec,
  options: {
    environmentIDs?: readonly string[];
    stable: boolean;
    /** The generated files on disk, by relative path. @default those beside the spec */
    existing?: ReadonlyMap<string, string>;
    /** For the Google access token of private registries (`googleAccessToken`). */
    io: Io;
  },
): Promise<ReadonlyMap<string, string>> {
  const onDisk =
    options.existing ?? (await existingGeneratedFiles(prepared.dir, options.environmentIDs));
  const lock = onDisk.get(IMAGE_LOCK_PATH);
  const imageTags = await deps.resolveImageTags(prepared.resolved, {
    stable: options.stable,
    ...(lock === undefined ? {} : { lock }),
    onUnpinned: (id, reason) =>
      options.io.stderr.write(unpinnedWarning(prepared.resolved, id, reason)),
    googleAccessToken: () => googleAccessToken(options.io),
    plainHTTPHosts: (options.io.env['MSP_PLAIN_HTTP_REGISTRIES'] ?? '')
      .split(',')
      .map((host) => host.trim())
      .filter((host) => host !== ''),
  });
  const set = deps.synthesize(prepared.resolved, prepared.platform, {
    imageTags,
    ...(options.environmentIDs === undefined ? {} : { environmentIDs: options.environmentIDs }),
  });
  assertConformance(deps, set);
  const files = new Map(deps.renderStackSet(set));
  const newLock = deps.imageLock(prepared.resolved, imageTags);
  if (newLock !== undefined) files.set(IMAGE_LOCK_PATH, newLock);
  return files;
}

/** The warning for a subscription left on its plain tag, saying how to pin it. */
function unpinnedWarning(resolved: ResolvedSpec, environmentID: string, reason: string): string {
  const deploy = resolved.environments.find((env) => env.id === environmentID)?.deploy;
  const tag = deploy?.type === 'subscription' ? deploy.tag : '';
  return (
    `warning: environment ${environmentID}: ${resolved.build.image}:${tag} is deployed by its tag, not pinned to a digest: ` +
    `${IMAGE_LOCK_PATH} has no entry for it and the registry could not be reached (${reason})\n` +
    `  hint: run "msp generate" where the registry is reachable to pin it in ${IMAGE_LOCK_PATH}, and commit that file\n`
  );
}
