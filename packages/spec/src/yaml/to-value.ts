/**
 * Turns the YAML syntax tree into plain values, reporting what JSON cannot
 * represent: duplicate keys, non-string keys, and aliases that expand without
 * bound. Merge keys (`<<: *defaults`) are applied, as yaml.v3 does.
 */
import type { Document, Node, Pair } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { FieldPath } from '../issues/spec-issue.js';
import type { IssueInput } from './yaml-document.js';

/** Most nodes one document may expand to through aliases (guards against "billion laughs"). */
const MAX_EXPANDED_NODES = 100_000;

interface Walk {
  readonly doc: Document.Parsed;
  readonly report: Report;
  readonly ancestors: Set<Node>;
  visited: number;
  exhausted: boolean;
}

/** An issue with, where the path is ambiguous, the offset of the node it concerns. */
export type Report = (issue: IssueInput, offset?: number) => void;

export function toValue(doc: Document.Parsed, report: Report): unknown {
  const walk: Walk = { doc, report, ancestors: new Set(), visited: 0, exhausted: false };
  return convert(walk, doc.contents, []);
}

function convert(walk: Walk, node: unknown, path: FieldPath): unknown {
  if (node === null || node === undefined) return null;
  if (++walk.visited > MAX_EXPANDED_NODES) {
    if (!walk.exhausted) {
      walk.exhausted = true;
      walk.report({
        code: 'alias-limit',
        path,
        message: `document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases`,
      });
    }
    return null;
  }
  if (isScalar(node)) return node.value;
  if (isAlias(node)) {
    const target = node.resolve(walk.doc);
    if (target === undefined) {
      walk.report(
        {
          code: 'yaml-syntax',
          path,
          message: `alias *${node.source} refers to an unknown anchor`,
          hint: `define &${node.source} before using it`,
        },
        node.range?.[0],
      );
      return null;
    }
    if (walk.ancestors.has(target)) {
      walk.report({
        code: 'alias-limit',
        path,
        message: `alias *${node.source} refers to a node that contains it`,
      });
      return null;
    }
    return convert(walk, target, path);
  }
  walk.ancestors.add(node as Node);
  try {
    if (isSeq(node)) return node.items.map((item, index) => convert(walk, item, [...path, index]));
    if (isMap(node)) return convertMap(walk, node.items, path);
    return null;
  } finally {
    walk.ancestors.delete(node as Node);
  }
}

function convertMap(walk: Walk, pairs: readonly Pair[], path: FieldPath): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const merged: unknown[] = [];
  for (const pair of pairs) {
    const key = pair.key;
    if (isScalar(key) && typeof key.value === 'symbol') {
      merged.push(convert(walk, pair.value, path));
      continue;
    }
    if (!isScalar(key) || key.value === null || typeof key.value === 'object') {
      walk.report(
        {
          code: 'invalid-key',
          path,
          message: 'mapping keys must be plain strings',
          hint: 'quote the key or restructure the mapping',
        },
        (key as Node | null)?.range?.[0],
      );
      continue;
    }
    const name = String(key.value);
    if (Object.hasOwn(out, name)) {
      walk.report(
        {
          code: 'duplicate-key',
          path: [...path, name],
          at: 'key',
          message: `duplicate key "${name}"`,
          hint: 'remove one of the two entries; YAML mappings cannot repeat a key',
        },
        key.range?.[0],
      );
      continue;
    }
    define(out, name, convert(walk, pair.value, [...path, name]));
  }
  for (const source of merged.flat()) {
    if (typeof source !== 'object' || source === null || Array.isArray(source)) continue;
    for (const [name, value] of Object.entries(source)) {
      if (!Object.hasOwn(out, name)) define(out, name, value);
    }
  }
  return out;
}

/** Sets a property without triggering setters such as `__proto__`. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
