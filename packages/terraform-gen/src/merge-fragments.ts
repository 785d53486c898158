import { MspError } from '@msp/spec/errors';
import type { Fragment } from './terraform.js';

/**
 * Thrown when two fragments define the same Terraform object (a generator
 * bug): code `fragment-conflict`.
 */
export class FragmentConflictError extends MspError {
  readonly paths: readonly string[];

  constructor(paths: readonly string[]) {
    super(
      'fragment-conflict',
      `conflicting Terraform definitions at ${paths.join(', ')}: each address may be defined once`,
      { hint: 'This is a bug in msp: please report it with the spec that triggers it.' },
    );
    this.paths = paths;
  }
}

/**
 * Merges fragments into one document. Objects merge recursively down to the
 * level of one Terraform object (a resource, data source, output, local,
 * variable or backend); defining one twice is an error, even with equal
 * content, because it means two builders claim the same address. Provider
 * configurations merge by `alias`, sorted (the default configuration first).
 */
export function mergeFragments(fragments: readonly Fragment[]): Fragment {
  const out: Record<string, unknown> = {};
  const conflicts: string[] = [];
  for (const fragment of fragments)
    mergeInto(out, fragment as Record<string, unknown>, [], conflicts);
  if (conflicts.length > 0) throw new FragmentConflictError(conflicts);
  return out as Fragment;
}

/** Depth (number of keys) at which a value is one Terraform object, per top-level key. */
const OBJECT_DEPTH: Readonly<Record<string, number>> = {
  resource: 3,
  data: 3,
  ephemeral: 3,
  output: 2,
  locals: 2,
  variable: 2,
  provider: 2,
  terraform: 2,
};

function mergeInto(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  path: string[],
  conflicts: string[],
) {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    const here = [...path, key];
    const top = here[0] ?? key;
    const depth = OBJECT_DEPTH[top];
    if (depth === undefined) throw new Error(`unsupported top-level Terraform key "${top}"`);
    const existing = target[key];
    if (existing === undefined) {
      target[key] =
        here.length >= depth
          ? value
          : mergeInto({}, value as Record<string, unknown>, here, conflicts);
    } else if (top === 'provider' && here.length === depth) {
      target[key] = mergeProviderConfigs(existing, value, here.join('.'), conflicts);
    } else if (here.length >= depth) {
      conflicts.push(here.join('.'));
    } else {
      mergeInto(
        existing as Record<string, unknown>,
        value as Record<string, unknown>,
        here,
        conflicts,
      );
    }
  }
  return target;
}

/** Concatenates a provider's configurations; two with the same alias (or two defaults) conflict. */
function mergeProviderConfigs(
  a: unknown,
  b: unknown,
  path: string,
  conflicts: string[],
): unknown[] {
  const configs = [...(Array.isArray(a) ? a : [a]), ...(Array.isArray(b) ? b : [b])] as Record<
    string,
    unknown
  >[];
  const alias = (c: Record<string, unknown>) => (typeof c['alias'] === 'string' ? c['alias'] : '');
  const seen = new Set<string>();
  for (const c of configs) {
    if (seen.has(alias(c))) conflicts.push(alias(c) === '' ? path : `${path}.${alias(c)}`);
    seen.add(alias(c));
  }
  return configs.sort((x, y) => (alias(x) < alias(y) ? -1 : alias(x) > alias(y) ? 1 : 0));
}
