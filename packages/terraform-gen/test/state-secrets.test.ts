// What reaches Terraform state: every secret Terraform reads (a Secret Manager data source) and
// every secret-bearing argument (sensitive and not write-only in the pinned schema, or fed from a
// secret) in any fixture's output and the example's committed Terraform must be listed, with why,
// in docs/reference/terraform-output.md ("What reaches state"). Ephemeral reads may flow only into
// provider configurations and write-only arguments, which Terraform keeps out of state.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './fixtures/index.js';
import { renderFixture } from './generate-fixture.js';

const repoRoot = path.resolve(__dirname, '../../..');
const DOC = path.join(repoRoot, 'docs/reference/terraform-output.md');

type Json = Record<string, unknown>;
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function stackFiles(): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const [name, fixture] of Object.entries(FIXTURES))
    for (const [file, content] of renderFixture(fixture))
      if (file.endsWith('.tf.json') && typeof content === 'string')
        out.set(`${name}/${file}`, JSON.parse(content) as Json);
  const visit = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') visit(p);
      else if (e.name.endsWith('.tf.json') && p.includes(`${path.sep}terraform${path.sep}`))
        out.set(path.relative(repoRoot, p), JSON.parse(fs.readFileSync(p, 'utf8')) as Json);
    }
  };
  visit(path.join(repoRoot, 'apps/msp-example'));
  return out;
}

/** Data sources whose result is a secret value. */
const SECRET_DATA_SOURCES = new Set(['google_secret_manager_secret_version']);
/** References whose value is a secret: secret data sources and generated passwords. */
const SECRET_REFERENCE =
  /\b(data\.google_secret_manager_secret_version\.[\w-]+\.secret_data|random_password\.[\w-]+\.result)\b/;
const EPHEMERAL_REFERENCE = /\bephemeral\.[a-z0-9_]+\.[\w-]+/;

/** The full pinned schemas (with `sensitive` and `write_only`), by provider name. */
interface FullBlock {
  attributes?: Record<
    string,
    { sensitive?: boolean; write_only?: boolean; nested_type?: FullBlock }
  >;
  block_types?: Record<string, { block: FullBlock }>;
}
const SCHEMA_DIR = path.join(__dirname, '..', 'schemas');
const resourceSchemas = new Map<string, FullBlock>();
for (const file of fs.readdirSync(SCHEMA_DIR).filter((f) => /\d+\.\d+\.\d+\.json$/.test(f))) {
  const dump = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')) as {
    provider_schemas: Record<string, { resource_schemas?: Record<string, { block: FullBlock }> }>;
  };
  for (const provider of Object.values(dump.provider_schemas))
    for (const [type, schema] of Object.entries(provider.resource_schemas ?? {}))
      resourceSchemas.set(type, schema.block);
}

interface Found {
  readonly entries: Set<string>;
  readonly ephemeralMisuse: Set<string>;
}

/** Walks a resource body beside its schema, recording secret-bearing and ephemeral-fed arguments. */
function visit(
  type: string,
  block: FullBlock | undefined,
  body: unknown,
  prefix: string,
  found: Found,
) {
  if (!isJson(body)) return;
  for (const [key, value] of Object.entries(body)) {
    const at = `${prefix}${key}`;
    const attribute = block?.attributes?.[key];
    const child = block?.block_types?.[key];
    const text = JSON.stringify(value);
    if (child !== undefined) {
      for (const item of Array.isArray(value) ? value : [value])
        visit(type, child.block, item, `${at}.`, found);
      continue;
    }
    if (attribute?.nested_type !== undefined) {
      for (const item of Array.isArray(value) ? value : [value])
        visit(type, attribute.nested_type, item, `${at}.`, found);
      continue;
    }
    const writeOnly = attribute?.write_only === true;
    if (!writeOnly && (attribute?.sensitive === true || SECRET_REFERENCE.test(text)))
      found.entries.add(`${type}.${at}`);
    if (!writeOnly && EPHEMERAL_REFERENCE.test(text)) found.ephemeralMisuse.add(`${type}.${at}`);
  }
}

function scan(): Found {
  const found: Found = { entries: new Set(), ephemeralMisuse: new Set() };
  for (const document of stackFiles().values()) {
    const data = isJson(document['data']) ? document['data'] : {};
    for (const type of Object.keys(data))
      if (SECRET_DATA_SOURCES.has(type)) found.entries.add(`data.${type}`);
    const resources = isJson(document['resource']) ? document['resource'] : {};
    for (const [type, byName] of Object.entries(resources))
      if (isJson(byName))
        for (const body of Object.values(byName))
          visit(type, resourceSchemas.get(type), body, '', found);
  }
  return found;
}

/** The first column of the table between the state-secrets markers of the doc. */
function documented(): string[] {
  const text = fs.readFileSync(DOC, 'utf8');
  const start = text.indexOf('<!-- BEGIN state-secrets -->');
  const end = text.indexOf('<!-- END state-secrets -->');
  if (start < 0 || end < start) throw new Error(`${DOC}: no state-secrets markers`);
  return text
    .slice(start, end)
    .split('\n')
    .map((line) => /^\|\s*`([^`]+)`/.exec(line)?.[1])
    .filter((x): x is string => x !== undefined);
}

describe('what reaches Terraform state', () => {
  const found = scan();

  it('finds the secret-bearing arguments it looks for', () => {
    expect(found.entries.has('google_sql_user.password')).toBe(true);
    expect(found.entries.has('data.google_secret_manager_secret_version')).toBe(true);
  });

  it('lists every secret-reading data source and secret-bearing argument in the docs', () => {
    const listed = new Set(documented());
    expect([...found.entries].filter((e) => !listed.has(e)).sort()).toEqual([]);
  });

  it('lists nothing in the docs that msp no longer generates', () => {
    expect(documented().filter((e) => !found.entries.has(e))).toEqual([]);
  });

  it('passes ephemeral values only to provider configurations and write-only arguments', () => {
    expect([...found.ephemeralMisuse]).toEqual([]);
  });
});
