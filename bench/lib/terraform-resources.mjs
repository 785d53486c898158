// Lists what a set of Terraform JSON files declares, so two generators' outputs can
// be compared: `<env>/<stack>: resource.<type>.<name>` (and data, provider, output).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function jsonFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tf.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Addresses declared under `dir`, keyed by `stackOf(relative path)`. */
export function declaredAddresses(dir, stackOf) {
  const byStack = new Map();
  for (const file of jsonFiles(dir)) {
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const addresses = [];
    for (const kind of ['resource', 'data']) {
      for (const [type, blocks] of Object.entries(doc[kind] ?? {})) {
        for (const name of Object.keys(blocks)) addresses.push(`${kind}.${type}.${name}`);
      }
    }
    for (const name of Object.keys(doc.output ?? {})) addresses.push(`output.${name}`);
    byStack.set(stackOf(relative(dir, file)), addresses.sort());
  }
  return byStack;
}

/** Differences between two address maps, as readable lines; empty when they match. */
export function compareAddresses(expected, actual) {
  const problems = [];
  for (const stack of new Set([...expected.keys(), ...actual.keys()])) {
    const want = new Set(expected.get(stack) ?? []);
    const got = new Set(actual.get(stack) ?? []);
    for (const a of want) if (!got.has(a)) problems.push(`${stack}: missing ${a}`);
    for (const a of got) if (!want.has(a)) problems.push(`${stack}: extra ${a}`);
  }
  return problems;
}

/** Number of resources and data sources in an address map. */
export const resourceCount = (byStack) =>
  [...byStack.values()].flat().filter((a) => !a.startsWith('output.')).length;
