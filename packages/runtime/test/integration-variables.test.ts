import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CONTRACT_VARIABLES } from '@msp/spec/contract';
import { formatHelp } from '../src/config/format-help.js';
import { INTEGRATION_VARIABLES } from '../src/integrations/integration-variables.js';

const SRC = path.join(__dirname, '..', 'src');
const ENV_READ =
  /envValue\(env, '([A-Z][A-Z0-9_]*)'\)|\benv\.([A-Z][A-Z0-9_]*)\b|\benv\['([A-Z][A-Z0-9_]*)'\]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Every variable name the runtime's sources read from an `env` object. */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(ENV_READ)) {
      const name = match[1] ?? match[2] ?? match[3];
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}

describe('the variables --help lists', () => {
  const listed = INTEGRATION_VARIABLES.map((v) => v.name);

  it('cover every variable the runtime reads: the contract plus the integration list', () => {
    const read = variablesRead();
    // The scan finds reads of both kinds (guards the pattern itself).
    expect([...read]).toEqual(expect.arrayContaining(['PGHOST', 'OTEL_TRACES_SAMPLER', 'MSP']));
    const known = new Set([...Object.keys(CONTRACT_VARIABLES), ...listed]);
    expect([...read].filter((name) => !known.has(name)).sort()).toEqual([]);
    expect(listed.filter((name) => !read.has(name))).toEqual([]);
    expect(listed.filter((name) => name in CONTRACT_VARIABLES)).toEqual([]);
  });

  it('appear in their own section of the help text', () => {
    const text = formatHelp({
      name: 's',
      version: '1',
      variables: [],
      contract: [],
      integrations: INTEGRATION_VARIABLES,
    });
    const section = text.slice(text.indexOf('INTEGRATIONS'));
    for (const name of listed) expect(section).toContain(`  - ${name} [`);
    expect(section).toContain('- PGPORT [integer]: PostgreSQL port (default: "5432")');
    expect(section).toContain(
      '- PGHOST [string]: PostgreSQL host for local runs (on msp: PGINSTANCE and PGUSER) (optional)',
    );
  });
});
