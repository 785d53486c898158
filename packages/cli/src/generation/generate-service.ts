import { join } from 'node:path';
import { assertConformance } from './conformance.js';
import { imageDigests, imageLockText } from './image-digests.js';
import { IMAGE_LOCK_PATH } from './stack-paths.js';
import { googleAccessToken } from '../gcp/access-token.js';
import { readIfExists } from '../fs/write-files.js';
import { textOf, type FileContent } from '../fs/file-content.js';
import { generateService } from '../libraries.js';
import type { Io } from '../cli/io.js';
import type { PreparedSpec } from '../spec/prepare-spec.js';
import type { ResolvedSpec } from '@msp/spec';
import type { GeneratedStackSummary } from '@msp/terraform-gen';

/** One service's generated files (the image lock included) and a summary of every stack. */
export interface GeneratedFiles {
  readonly files: Map<string, FileContent>;
  readonly stacks: readonly GeneratedStackSummary[];
}

export interface GenerateOptions {
  environmentIDs?: readonly string[];
  stable: boolean;
  /** Check every resource against the pinned provider schemas. @default false */
  conformance?: boolean;
  /** Where the generated files go; its committed image lock is read. @default the spec's directory */
  root?: string;
  /** For the Google access token of private registries (`googleAccessToken`). */
  io: Io;
}

/**
 * Generates a prepared spec in memory, in three steps: the image digests of
 * subscription environments (kept from the committed image lock, the one
 * input besides the spec, when stable; otherwise from the registry), then
 * `@msp/terraform-gen`'s `generateService` (with the provider-schema check when
 * asked), then the new image lock. An environment left on its plain tag
 * because the registry could not be reached is a warning on stderr. Paths are
 * relative to the spec's directory.
 * @throws MspError `terraform-nonconformant` when asked for conformance and the stacks do not conform.
 */
export async function generateSpec(
  prepared: PreparedSpec,
  options: GenerateOptions,
): Promise<GeneratedFiles> {
  const lock = textOf(readIfExists(join(options.root ?? prepared.dir, IMAGE_LOCK_PATH)));
  const imageTags = await imageDigests(prepared.resolved, {
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
  const generated = await generateService(prepared.resolved, prepared.platform, {
    imageTags,
    conformance: options.conformance === true,
    ...(options.environmentIDs === undefined ? {} : { environmentIDs: options.environmentIDs }),
  });
  assertConformance(generated);
  const files: Map<string, FileContent> = generated.files;
  const newLock = imageLockText(prepared.resolved, imageTags);
  if (newLock !== undefined) files.set(IMAGE_LOCK_PATH, newLock);
  return { files, stacks: generated.stacks };
}

/** {@link generateSpec}'s files alone. */
export async function generateFiles(
  prepared: PreparedSpec,
  options: GenerateOptions,
): Promise<ReadonlyMap<string, FileContent>> {
  return (await generateSpec(prepared, options)).files;
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
