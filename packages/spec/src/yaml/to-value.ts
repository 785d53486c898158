/**
 * Turns the YAML syntax tree into plain values, reporting what JSON cannot
 * represent (duplicate keys, non-string keys, aliases that refer to their own
 * ancestor) and what exceeds `INPUT_LIMITS`: values past the nesting depth,
 * more nodes than allowed after alias expansion ("billion laughs"), too many
 * keys in a mapping, too long a string. Merge keys (`<<: *defaults`) are
 * applied, as yaml.v3 does.
 */
import type { Document, Node, Pair } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { FieldPath } from '../issues/spec-issue.js';
import { INPUT_LIMITS } from '../limits/input-limits.js';
import type { AnchorTable } from './anchors.js';
import type { IssueInput } from './yaml-document.js';

interface Walk {
  readonly doc: Document.Parsed;
  readonly anchors: AnchorTable;
  readonly report: Report;
  readonly limits: typeof INPUT_LIMITS;
  readonly ancestors: Set<Node>;
  visited: number;
  exhausted: boolean;
  /** Nesting past the limit is reported once, where it first happens. */
  tooDeep: boolean;
}

/** An issue with, where the path is ambiguous, the offset of the node it concerns. */
export type Report = (issue: IssueInput, offset?: number) => void;

export function toValue(
  doc: Document.Parsed,
  anchors: AnchorTable,
  report: Report,
  limits = INPUT_LIMITS,
): unknown {
  const walk: Walk = {
    doc,
    anchors,
    report,
    limits,
    ancestors: new Set(),
    visited: 0,
    exhausted: false,
    tooDeep: false,
  };
  return convert(walk, doc.contents, []);
}

function convert(walk: Walk, node: unknown, path: FieldPath): unknown {
  if (node === null || node === undefined) return null;
  const { limits } = walk;
  if (++walk.visited > limits.maxNodes) {
    if (!walk.exhausted) {
      walk.exhausted = true;
      walk.report({
        code: 'alias-limit',
        path,
        message: `the document has more than ${limits.maxNodes} values (counting what each alias expands to)`,
        hint: 'use fewer aliases of large anchors, or a smaller file',
      });
    }
    return null;
  }
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.length > limits.maxStringChars) {
      walk.report(
        {
          code: 'string-too-long',
          path,
          message: `the string has ${node.value.length} characters, more than the ${limits.maxStringChars} allowed`,
        },
        node.range?.[0],
      );
      return null;
    }
    return node.value;
  }
  if (isAlias(node)) {
    const target = walk.anchors.get(node);
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
  if ((isSeq(node) || isMap(node)) && path.length >= limits.maxDepth) {
    if (walk.tooDeep) return null;
    walk.tooDeep = true;
    walk.report(
      {
        code: 'nesting-too-deep',
        path,
        message: `mappings and lists are nested more than ${limits.maxDepth} levels deep`,
        hint: 'a service.yaml needs a handful of levels; check the aliases that nest here',
      },
      node.range?.[0],
    );
    return null;
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
  const { maxKeys, maxStringChars } = walk.limits;
  if (pairs.length > maxKeys) {
    walk.report(
      {
        code: 'too-many-keys',
        path,
        message: `the mapping has ${pairs.length} keys, more than the ${maxKeys} allowed`,
      },
      (pairs[maxKeys]?.key as Node | null | undefined)?.range?.[0],
    );
    return out;
  }
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
    if (name.length > maxStringChars) {
      walk.report(
        {
          code: 'string-too-long',
          path,
          message: `a key has ${name.length} characters, more than the ${maxStringChars} allowed`,
        },
        key.range?.[0],
      );
      continue;
    }
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
