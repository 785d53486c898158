import { CliError } from './cli/errors.js';
import type { MspDeps } from './deps.js';

/**
 * True once `loadDefaultDeps` returns the real libraries. Integration tests
 * that need them are skipped while this is false.
 */
export const depsWired = false;

/**
 * Loads `@msp/spec` and `@msp/terraform-gen` (dynamic imports, so only the
 * commands that need them pay for them) and adapts them to `MspDeps`:
 *
 * ```ts
 * const [spec, gen] = await Promise.all([import('@msp/spec'), import('@msp/terraform-gen')]);
 * return { loadSpec: spec.loadSpec, loadPlatformConfig: spec.loadPlatformConfig, ..., renderStackSet: gen.renderStackSet };
 * ```
 *
 * then set `depsWired = true` so that test/integration runs.
 */
export async function loadDefaultDeps(): Promise<MspDeps> {
  // Wired at merge time: the libraries are being written in parallel.
  throw new CliError(
    'libraries-not-wired',
    'this build of msp does not include the spec and generation libraries yet',
    { hint: 'Use a build of msp from the main branch.' },
  );
}
