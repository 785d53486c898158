import { dirname, isAbsolute, resolve } from 'node:path';
import { CliError, UsageError } from './cli/errors.js';
import type { MspDeps, PlatformConfigReport } from './deps.js';
import type { SpecIssue } from '@msp/spec';
import type * as Generation from '@msp/terraform-gen';
import type { ImageLockEntry } from './image-tags/image-lock.js';

/** True: `loadDefaultDeps` returns the real libraries (integration tests run against them). */
export const depsWired = true;

/**
 * Loads `@msp/spec` (a dynamic import, so only the commands that read specs pay
 * for it) and adapts it and `@msp/terraform-gen` to `MspDeps`; the generation
 * library loads on the first call that generates.
 */
export async function loadDefaultDeps(): Promise<MspDeps> {
  const [spec, images] = await Promise.all([import('@msp/spec'), import('./image-tags/index.js')]);
  let loading: Promise<typeof Generation> | undefined;
  const generation = () => (loading ??= import('@msp/terraform-gen'));
  const absolute = (dir: string, issue: SpecIssue): SpecIssue =>
    issue.file === undefined || isAbsolute(issue.file)
      ? issue
      : { ...issue, file: resolve(dir, issue.file) };
  /** Errors of `@msp/spec` helpers as the CLI's, so they print without a stack trace. */
  const asCliError = (error: unknown): unknown =>
    spec.isUsageError(error)
      ? new UsageError(error.message)
      : spec.isMspError(error)
        ? new CliError(error.code, error.message)
        : error;

  return {
    async loadPlatformConfig(startDir): Promise<PlatformConfigReport> {
      const reading = await spec.readPlatformConfig(startDir);
      const { file, source, issues } = reading;
      if (file === undefined) return reading.ok ? { config: reading.config, issues } : { issues };
      if (source === undefined) {
        throw new CliError('platform-config-unreadable', `cannot read ${file}`, {
          cause: issues[0]?.message,
        });
      }
      return reading.ok
        ? { config: reading.config, file, source, issues }
        : { file, source, issues };
    },
    async loadSpec(path, platform) {
      const dir = dirname(path);
      const loaded = await spec.loadSpec(path, { platform });
      const issues = loaded.issues.map((issue) => absolute(dir, issue));
      // A missing file is an issue; its text is only for code frames.
      const source = loaded.source ?? '';
      return loaded.ok
        ? { path, source, spec: loaded.spec, assets: loaded.assets, issues }
        : { path, source, issues };
    },
    resolveSpec: (serviceSpec, platform, assets) => spec.resolveSpec(serviceSpec, platform, assets),
    newProjectID(serviceID, environmentID, suffixLength) {
      try {
        return spec.newProjectID(serviceID, environmentID, suffixLength);
      } catch (error) {
        throw asCliError(error);
      }
    },
    appendEnvironment(source, environment) {
      try {
        return spec.appendEnvironment(source, environment);
      } catch (error) {
        throw asCliError(error);
      }
    },
    serviceSchema: () => spec.serviceSchema,
    platformSchema: () => spec.platformSchema,
    serviceSchemaURL: () => spec.SERVICE_SCHEMA_ID,
    async resolveImageTags(
      resolved,
      { stable, googleAccessToken, plainHTTPHosts, lock, onUnpinned },
    ) {
      if (!resolved.environments.some((env) => env.deploy.type === 'subscription')) return {};
      let token: Promise<string | undefined> | undefined;
      const credentials = async (host: string) => {
        if (googleAccessToken === undefined || !images.isGoogleRegistry(host)) return undefined;
        const password = await (token ??= googleAccessToken());
        return password === undefined ? undefined : { username: 'oauth2accesstoken', password };
      };
      try {
        return await images.resolveImageTags(
          resolved,
          images.registryResolver({ credentials, plainHTTPHosts: plainHTTPHosts ?? [] }),
          {
            stable,
            ...(lock === undefined ? {} : { lock: images.parseImageLock(lock) }),
            ...(onUnpinned === undefined ? {} : { onUnpinned }),
          },
        );
      } catch (error) {
        throw new CliError(
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
    },
    imageLock(resolved, imageTags) {
      const lock: Record<string, ImageLockEntry> = {};
      for (const env of resolved.environments) {
        const tag = imageTags[env.id];
        if (env.deploy.type !== 'subscription' || tag === undefined) continue;
        const entry = images.lockEntry(resolved.build.image, tag);
        if (entry !== undefined) lock[env.id] = entry;
      }
      return Object.keys(lock).length === 0 ? undefined : images.renderImageLock(lock);
    },
    generateService: async (resolved, platform, options) =>
      (await generation()).generateService(resolved, platform, options),
    async replacementLookup() {
      const gen = await generation();
      return (type) => gen.replacementArguments(type);
    },
  };
}
