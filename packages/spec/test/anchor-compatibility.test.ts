import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceSchema } from '../src/index.js';

/** docs/reference/anchor-compatibility.md must say how msp treats every field of the spec. */
const PAGE = join(__dirname, '..', '..', '..', 'docs', 'reference', 'anchor-compatibility.md');

interface SchemaNode {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly deprecated?: boolean;
}

/** Every field path of the schema, `[]` for list items and `<name>` for map keys, with its deprecation. */
function fieldPaths(node: SchemaNode, prefix = ''): [string, boolean][] {
  if (node.type === 'array' && node.items !== undefined)
    return fieldPaths(node.items, `${prefix}[]`);
  const out: [string, boolean][] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    out.push([path, child.deprecated === true], ...fieldPaths(child, path));
  }
  const values = node.additionalProperties;
  if (typeof values === 'object' && values.properties !== undefined)
    out.push(...fieldPaths(values, `${prefix}.<name>`));
  return out;
}

/** The treatment column of each table row, by the field (in backticks) in its first column. */
function rows(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const field = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    if (line.startsWith('|') && field !== undefined) out.set(field, cells[2] ?? '');
  }
  return out;
}

describe('the anchor compatibility page', () => {
  const page = rows(readFileSync(PAGE, 'utf8'));
  const fields = fieldPaths(serviceSchema as SchemaNode);

  it('finds the schema fields and the page rows', () => {
    expect(fields.length).toBeGreaterThan(100);
    expect(page.size).toBeGreaterThan(100);
  });

  it('lists every field of the JSON Schema', () => {
    const missing = fields.map(([path]) => path).filter((path) => !page.has(path));
    expect(missing).toEqual([]);
  });

  it('lists no field the schema does not have', () => {
    const known = new Set(fields.map(([path]) => path));
    const fieldRows = [...page.keys()].filter((key) =>
      /^(service|build|environments|monitoring|rollout)\b/.test(key),
    );
    expect(fieldRows.filter((key) => !known.has(key))).toEqual([]);
  });

  it('says for each field whether it is accepted, accepted with a warning, or refused', () => {
    const unclassified = fields
      .map(([path]) => [path, page.get(path) ?? ''] as const)
      .filter(([, treatment]) => !/^(accepted|warning)\b/.test(treatment));
    expect(unclassified).toEqual([]);
  });

  it('marks every deprecated field as accepted with a warning', () => {
    const deprecated = fields.filter(([, isDeprecated]) => isDeprecated).map(([path]) => path);
    expect(deprecated.length).toBeGreaterThan(5);
    expect(deprecated.filter((path) => !(page.get(path) ?? '').startsWith('warning'))).toEqual([]);
  });
});
