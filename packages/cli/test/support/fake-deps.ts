import { readFile } from 'node:fs/promises';
import { configBlocks } from '../../src/terraform/resources.js';
import { stackDocuments } from '../../src/terraform/stack-documents.js';
import { platformConfig, resolvedSpec } from './resolved-fixture.js';
import type { MspDeps, StackConformanceIssue } from '../../src/deps.js';
import type { PlatformConfig, ResolvedSpec, ServiceSpec, SpecIssue } from '@msp/spec';
import type { GeneratedService, StackSet } from '@msp/terraform-gen';

/**
 * In-test stand-ins for the spec and generation libraries. `loadSpec` reads
 * the real file (so missing files behave as they will) and reports the given
 * issues; `resolveSpec` returns the given resolved spec; `generateService`
 * returns a stack set of the requested environments (without stacks), the
 * given files for them with their resource counts and, when asked, the given
 * conformance issues.
 */
export function fakeDeps(
  options: {
    resolved?: ResolvedSpec;
    platform?: PlatformConfig;
    issues?: readonly SpecIssue[];
    /** Files per environment, as `renderStackSet` would return them. */
    files?: (environmentIDs: readonly string[]) => Map<string, string>;
    conformance?: readonly StackConformanceIssue[];
    overrides?: Partial<MspDeps>;
  } = {},
): MspDeps {
  const resolved = options.resolved ?? resolvedSpec();
  const platform = options.platform ?? platformConfig();
  const issues = options.issues ?? [];
  return {
    async loadSpec(path) {
      const source = await readFile(path, 'utf8');
      const hasError = issues.some((i) => i.severity === 'error');
      return {
        path,
        source,
        issues,
        ...(hasError ? {} : { spec: serviceSpec(resolved), assets: {} }),
      };
    },
    loadPlatformConfig: async () => ({ config: platform, issues: [] }),
    resolveSpec: () => resolved,
    newProjectID: (service, env, length) => `${service}-${env}-${'a'.repeat(length)}`,
    appendEnvironment: (source, environment) => `${source}  - ${JSON.stringify(environment)}\n`,
    serviceSchema: () => ({ $id: 'service.schema.json', type: 'object' }),
    platformSchema: () => ({ $id: 'platform.schema.json', type: 'object' }),
    serviceSchemaURL: () => 'https://unpkg.com/@msp/spec@0.0.0-test/schema/service.schema.json',
    resolveImageTags: async () => ({}),
    imageLock: () => undefined,
    generateService: async (_resolved, _platform, opts): Promise<GeneratedService> => {
      const ids = opts.environmentIDs ?? resolved.environments.map((e) => e.id);
      const set: StackSet = {
        serviceID: resolved.service.id,
        environments: ids.map((id) => ({
          id,
          terraformVersion: platform.terraformVersion,
          stacks: [],
        })),
      };
      const files = (options.files ?? (() => new Map<string, string>()))(ids);
      return {
        set,
        files,
        stacks: [...stackDocuments(files)].map(({ environment, stack, document }) => ({
          environment,
          stack,
          resources: configBlocks(document).filter((b) => !b.address.startsWith('data.')).length,
          inputs: [],
        })),
        conformance: opts.conformance === true ? (options.conformance ?? []) : [],
      };
    },
    // No forcing-arguments table: tests of replacements pass the real one in `overrides`.
    replacementLookup: async () => () => undefined,
    ...options.overrides,
  };
}

/** The smallest valid-looking `ServiceSpec` behind a resolved spec. */
function serviceSpec(resolved: ResolvedSpec): ServiceSpec {
  return {
    service: {
      id: resolved.service.id,
      kind: resolved.service.kind,
      owners: [...resolved.service.owners],
      description: resolved.service.description,
    },
    build: { image: resolved.build.image },
    environments: resolved.environments.map((e) => ({
      id: e.id,
      projectID: e.projectID,
      category: e.category,
      deploy: { type: 'manual' },
      instances: { resources: { cpu: e.instances.cpu, memory: e.instances.memory } },
    })),
  };
}
