/** Maps a field path back to a node of the YAML syntax tree. */
import type { Document, Node } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { FieldPath } from '../issues/spec-issue.js';

/** The scalar source text at `path` (as written, before type resolution), if it is a scalar. */
export function scalarSource(doc: Document.Parsed, path: FieldPath): string | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    const found = child(doc, node, segment, new Set());
    if (found === undefined) return undefined;
    node = found.value;
  }
  while (isAlias(node)) node = node.resolve(doc);
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

/** Offset of the key or value at `path`, or of the nearest ancestor that exists. */
export function locateOffset(
  doc: Document.Parsed,
  path: FieldPath,
  at: 'key' | 'value',
): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of path) {
    const found = child(doc, node, segment, new Set());
    if (found === undefined) return offset;
    node = found.value;
    offset =
      at === 'key' && found.key !== undefined && segment === path[path.length - 1]
        ? rangeStart(found.key)
        : (rangeStart(found.value) ?? rangeStart(found.key) ?? offset);
  }
  return offset;
}

interface Found {
  readonly key?: unknown;
  readonly value: unknown;
}

function child(
  doc: Document.Parsed,
  node: unknown,
  segment: string | number,
  seen: Set<unknown>,
): Found | undefined {
  if (isAlias(node)) {
    if (seen.has(node)) return undefined;
    seen.add(node);
    return child(doc, node.resolve(doc), segment, seen);
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  if (!isMap(node)) return undefined;
  let merged: Found | undefined;
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    if (typeof pair.key.value === 'symbol') {
      merged ??= fromMerge(doc, pair.value, segment, seen);
    } else if (pair.key.value !== null && String(pair.key.value) === String(segment)) {
      return { key: pair.key, value: pair.value ?? pair.key };
    }
  }
  return merged;
}

function fromMerge(
  doc: Document.Parsed,
  value: unknown,
  segment: string | number,
  seen: Set<unknown>,
): Found | undefined {
  const sources = isSeq(value) ? value.items : [value];
  for (const source of sources) {
    const found = child(doc, source, segment, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}
