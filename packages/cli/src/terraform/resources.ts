/**
 * Reading Terraform JSON configuration (https://developer.hashicorp.com/terraform/language/syntax/json):
 * the resources, data sources and `moved` blocks of one file, by address.
 */

export interface ConfigBlock {
  /** `type.name`, `data.type.name` or `module.name`. */
  readonly address: string;
  /** Resource or data source type; `module` for modules. */
  readonly type: string;
  readonly body: unknown;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Terraform JSON allows a block to be an object or an array of objects; both become a list. */
function objects(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

/** Every resource, data source and module call in a parsed Terraform JSON document. */
export function configBlocks(document: unknown): ConfigBlock[] {
  const blocks: ConfigBlock[] = [];
  if (!isObject(document)) return blocks;
  for (const [kind, prefix] of [
    ['resource', ''],
    ['data', 'data.'],
  ] as const) {
    for (const byType of objects(document[kind])) {
      for (const [type, byName] of Object.entries(byType)) {
        for (const names of objects(byName)) {
          for (const [name, body] of Object.entries(names))
            blocks.push({ address: `${prefix}${type}.${name}`, type, body });
        }
      }
    }
  }
  for (const modules of objects(document['module'])) {
    for (const [name, body] of Object.entries(modules))
      blocks.push({ address: `module.${name}`, type: 'module', body });
  }
  return blocks;
}

/** The `moved { from, to }` blocks of a document, as addresses. */
export function movedBlocks(document: unknown): { from: string; to: string }[] {
  if (!isObject(document)) return [];
  return objects(document['moved']).flatMap((block) => {
    const from = block['from'];
    const to = block['to'];
    return typeof from === 'string' && typeof to === 'string'
      ? [{ from: unwrap(from), to: unwrap(to) }]
      : [];
  });
}

function unwrap(expression: string): string {
  const match = /^\$\{(.*)\}$/.exec(expression.trim());
  return (match?.[1] ?? expression).trim();
}

/** Parses a `.tf.json` file, or undefined when it is not valid JSON. */
export function parseTerraformJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Addresses referenced from a block: every `type.name` or `data.type.name` in
 * `${...}` interpolations, and every entry of `depends_on`.
 */
export function references(body: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (key === 'depends_on') found.add(unwrap(value));
      for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
        for (const ref of (match[1] ?? '').matchAll(
          /\b(data\.[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+|module\.[A-Za-z0-9_-]+|[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g,
        )) {
          if (ref[1] !== undefined) found.add(ref[1]);
        }
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  visit(body);
  return found;
}
