import { join, resolve } from 'node:path';

/** The repository root (tests run from source, so this file's place fixes it). */
export const repoRoot = resolve(__dirname, '..', '..', '..', '..');

/** The example service's specs, relative to the repository root: what `cli:generate` generates. */
export const EXAMPLE_SPECS = [
  'apps/msp-example/service.yaml',
  'apps/msp-example/job/service.yaml',
] as const;

/** The valid spec fixtures of `@msp/spec`, which find their msp.config.yaml by walking up. */
export const SPEC_FIXTURES_DIR = join(repoRoot, 'packages', 'spec', 'test', 'fixtures');
