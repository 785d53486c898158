import { PROVIDER_SCHEMAS, type ProviderName } from '../generated/index.js';
import type { StackSet } from '../stack.js';
import { checkBlock } from './check-block.js';
import type { ValueProblem } from './check-value.js';
import type { ProviderSchema, SchemaBlock } from './schema-types.js';

/** A place where a document does not conform to the pinned provider schemas. */
export interface ConformanceIssue {
  /** Terraform address, e.g. `resource.google_cloud_run_v2_service.cloudrun` or `provider.google`. */
  readonly address: string;
  /** Path inside the object, e.g. `template[0].containers[0].env[1].name`; empty for the object itself. */
  readonly path: string;
  readonly message: string;
}

const RESOURCE_META = new Set([
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'provisioner',
  'connection',
]);
const DATA_META = new Set(['count', 'for_each', 'depends_on', 'provider', 'lifecycle']);
const PROVIDER_META = new Set(['alias']);

/** Terraform's built-in `terraform_remote_state` data source (part of Terraform core, not a provider). */
const REMOTE_STATE: SchemaBlock = {
  attributes: {
    backend: { type: 'string', required: true },
    config: { type: 'dynamic', optional: true },
    defaults: { type: 'dynamic', optional: true },
    workspace: { type: 'string', optional: true },
    outputs: { type: 'dynamic', computed: true },
  },
  blocks: {},
};

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Checks every resource, data source, ephemeral resource and provider configuration of a
 * Terraform JSON document against the pinned provider schemas. Returns every
 * issue found (empty when the document conforms).
 */
export function checkConformance(
  document: unknown,
  schemas: Readonly<Record<string, ProviderSchema>> = PROVIDER_SCHEMAS,
): ConformanceIssue[] {
  const issues: ConformanceIssue[] = [];
  if (!isObject(document))
    return [{ address: '', path: '', message: 'a Terraform JSON document must be an object' }];
  const check = (address: string, body: unknown, block: SchemaBlock, meta: ReadonlySet<string>) => {
    const problems: ValueProblem[] = [];
    checkBlock(body, block, '', problems, meta);
    for (const p of problems) issues.push({ address, ...p });
  };
  const schemaOf = (type: string): ProviderSchema | undefined =>
    schemas[type.slice(0, type.indexOf('_')) as ProviderName];

  for (const [kind, meta] of [
    ['resource', RESOURCE_META],
    ['data', DATA_META],
    ['ephemeral', DATA_META],
  ] as const) {
    const byType = document[kind];
    if (byType === undefined) continue;
    if (!isObject(byType)) {
      issues.push({ address: kind, path: '', message: `"${kind}" must be an object of types` });
      continue;
    }
    for (const [type, byName] of Object.entries(byType)) {
      const schema = schemaOf(type);
      const blocks = {
        resource: schema?.resources,
        data: schema?.dataSources,
        ephemeral: schema?.ephemeralResources,
      };
      const block =
        kind === 'data' && type === 'terraform_remote_state' ? REMOTE_STATE : blocks[kind]?.[type];
      if (block === undefined) {
        issues.push({
          address: `${kind}.${type}`,
          path: '',
          message: `type "${type}" is not in the pinned provider schemas`,
        });
        continue;
      }
      if (!isObject(byName)) continue;
      for (const [name, body] of Object.entries(byName))
        check(`${kind}.${type}.${name}`, body, block, meta);
    }
  }

  const providers = document['provider'];
  if (isObject(providers)) {
    for (const [name, configs] of Object.entries(providers)) {
      const schema = schemas[name];
      if (schema === undefined) {
        issues.push({
          address: `provider.${name}`,
          path: '',
          message: `provider "${name}" has no pinned schema`,
        });
        continue;
      }
      const list = Array.isArray(configs) ? configs : [configs];
      list.forEach((c, i) => check(`provider.${name}[${i}]`, c, schema.provider, PROVIDER_META));
    }
  }
  return issues;
}

/** {@link checkConformance} over every stack of every environment, with issues prefixed by `<env>/<stack>`. */
export function checkStackSetConformance(
  set: StackSet,
): (ConformanceIssue & { readonly stack: string })[] {
  return set.environments.flatMap((env) =>
    env.stacks.flatMap((stack) =>
      checkConformance(stack.document).map((issue) => ({
        stack: `${env.id}/${stack.name}`,
        ...issue,
      })),
    ),
  );
}

/** One line per issue: `<address>: <path>: <message>`. */
export function formatConformanceIssue(issue: ConformanceIssue): string {
  return `${issue.address}${issue.path === '' ? '' : `: ${issue.path}`}: ${issue.message}`;
}
