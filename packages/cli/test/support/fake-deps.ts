import { readFile } from 'node:fs/promises';
import { platformConfig, resolvedSpec } from './resolved-fixture.js';
import type { MspDeps, SpecIssue } from '../../src/deps.js';
import type { PlatformConfig, ResolvedSpec } from '@msp/spec';

/**
 * In-test stand-ins for the spec and generation libraries. `loadSpec` reads
 * the real file (so missing files behave as they will) and reports the given
 * issues; `resolveSpec` returns the given resolved spec; generation renders the
 * given files per environment.
 */
export function fakeDeps(
  options: {
    resolved?: ResolvedSpec;
    platform?: PlatformConfig;
    issues?: readonly SpecIssue[];
    /** Files per environment, as `renderStackSet` would return them. */
    files?: (environmentIDs: readonly string[]) => Map<string, string>;
    overrides?: Partial<MspDeps>;
  } = {},
): MspDeps {
  const resolved = options.resolved ?? resolvedSpec();
  const platform = options.platform ?? platformConfig();
  const issues = options.issues ?? [];
  return {
    async loadSpec(path) {
      const source = await readFile(path, 'utf8');
      const hasError = issues.some((i) => (i.severity ?? 'error') === 'error');
      return {
        path,
        source,
        issues,
        ...(hasError
          ? {}
          : {
              spec: {
                service: { id: resolved.service.id },
                environments: resolved.environments.map((e) => ({ id: e.id })),
              },
            }),
      };
    },
    loadPlatformConfig: async () => ({ config: platform, issues: [] }),
    resolveSpec: () => resolved,
    newProjectID: (service, env, length) => `${service}-${env}-${'a'.repeat(length)}`,
    appendEnvironment: (source, environment) => `${source}  - ${JSON.stringify(environment)}\n`,
    serviceSchema: () => ({ $id: 'service.schema.json', type: 'object' }),
    platformSchema: () => ({ $id: 'platform.schema.json', type: 'object' }),
    serviceSchemaPath: () => '/opt/msp/node_modules/@msp/spec/schema/service.schema.json',
    synthesize: (_resolved, _platform, opts) =>
      opts.environmentIDs ?? resolved.environments.map((e) => e.id),
    renderStackSet: (set) => (options.files ?? (() => new Map<string, string>()))(set as string[]),
    ...options.overrides,
  };
}
