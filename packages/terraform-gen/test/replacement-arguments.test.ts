// The forcing-arguments table (src/generated/replacement-arguments.ts, extracted from the
// providers' source by tools/codegen/replacement-arguments.ts) must cover every resource type
// and provider version msp emits: in any fixture's output and in the example's committed
// Terraform. Re-run it (see docs/reference/change-safety.md) after adding a resource type or
// bumping a provider.
import fs from 'node:fs';
import path from 'node:path';
import {
  PROVIDER_SCHEMAS,
  REPLACEMENT_ARGUMENTS,
  replacementArguments,
  type SchemaBlock,
} from '../src/index.js';
import { FIXTURES } from './fixtures/index.js';
import { renderFixture } from './generate-fixture.js';

const repoRoot = path.resolve(__dirname, '../../..');
const exampleDir = path.join(repoRoot, 'apps/msp-example/terraform');

interface Document {
  resource?: Record<string, unknown>;
  terraform?: { required_providers?: Record<string, { source: string; version: string }> };
}

function committedExampleStacks(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.tf.json'))
        out.set(`msp-example/${path.relative(dir, p)}`, fs.readFileSync(p, 'utf8'));
    }
  };
  visit(dir);
  return out;
}

const documents = new Map<string, Document>();
for (const [name, fixture] of Object.entries(FIXTURES))
  for (const [file, content] of renderFixture(fixture))
    if (file.endsWith('.tf.json') && typeof content === 'string')
      documents.set(`${name}/${file}`, JSON.parse(content) as Document);
for (const [file, content] of committedExampleStacks(exampleDir))
  documents.set(file, JSON.parse(content) as Document);

/** Whether `dotted` names an attribute or nested block (at any depth) of `block`. */
function pathExists(block: SchemaBlock, dotted: string): boolean {
  const [head = '', ...rest] = dotted.split('.');
  const attribute = block.attributes[head];
  if (attribute !== undefined) {
    if (rest.length === 0) return true;
    const nested = attribute.nested;
    return (
      nested !== undefined &&
      pathExists({ attributes: nested.attributes, blocks: {} }, rest.join('.'))
    );
  }
  const child = block.blocks[head];
  return child !== undefined && (rest.length === 0 || pathExists(child.block, rest.join('.')));
}

describe('forcing-arguments table', () => {
  it('reads the Terraform of every fixture and the example', () => {
    expect(documents.size).toBeGreaterThan(100);
  });

  it('covers every resource type msp emits', () => {
    const missing = new Set<string>();
    for (const [file, document] of documents)
      for (const type of Object.keys(document.resource ?? {}))
        if (replacementArguments(type) === undefined) missing.add(`${type} (first in ${file})`);
    expect([...missing]).toEqual([]);
  });

  it('is for the provider versions msp pins', () => {
    const wrong = new Set<string>();
    for (const [file, document] of documents)
      for (const [name, pin] of Object.entries(document.terraform?.required_providers ?? {})) {
        const facts = REPLACEMENT_ARGUMENTS.providers[name];
        const version = pin.version.replace(/^~>\s*/, '');
        if (
          facts === undefined ||
          facts.source !== pin.source ||
          !`${facts.version}.`.startsWith(`${version}.`)
        )
          wrong.add(
            `${name} ${pin.source} ${pin.version} (in ${file}): table has ${facts?.source ?? 'nothing'} ${facts?.version ?? ''}`,
          );
      }
    expect([...wrong]).toEqual([]);
  });

  it('is for the same provider versions as the pinned schemas', () => {
    for (const [name, schema] of Object.entries(PROVIDER_SCHEMAS))
      expect({ name, version: REPLACEMENT_ARGUMENTS.providers[name]?.version }).toEqual({
        name,
        version: schema.version,
      });
  });

  it('names only arguments that exist in the pinned schema', () => {
    const unknown: string[] = [];
    for (const [type, facts] of Object.entries(REPLACEMENT_ARGUMENTS.resources)) {
      const schema =
        PROVIDER_SCHEMAS[facts.provider as keyof typeof PROVIDER_SCHEMAS].resources[type];
      if (schema === undefined) {
        unknown.push(type);
        continue;
      }
      for (const p of [...facts.forceNew, ...facts.conditional.map((c) => c.path)])
        if (!pathExists(schema, p)) unknown.push(`${type}.${p}`);
    }
    expect(unknown).toEqual([]);
  });

  it.each([
    ['google_sql_database_instance', 'region'],
    ['google_sql_database', 'name'],
    ['google_redis_instance', 'tier'],
    ['google_redis_instance', 'region'],
    ['google_bigquery_dataset', 'location'],
    ['google_storage_bucket', 'location'],
    ['google_project', 'project_id'],
    ['google_service_account', 'account_id'],
    ['cloudflare_dns_record', 'zone_id'],
  ])('knows that %s.%s forces replacement', (type, argument) => {
    expect(replacementArguments(type)?.forceNew).toContain(argument);
  });

  it.each([
    ['google_sql_database_instance', 'database_version'],
    ['google_sql_database_instance', 'settings.tier'],
    ['google_redis_instance', 'memory_size_gb'],
    ['cloudflare_dns_record', 'name'],
  ])('knows that %s.%s updates in place', (type, argument) => {
    expect(replacementArguments(type)?.forceNew).not.toContain(argument);
  });
});
