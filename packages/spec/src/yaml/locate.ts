/** Maps a field path back to a node of the YAML syntax tree. */
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { FieldPath } from '../issues/spec-issue.js';
import type { AnchorTable } from './anchors.js';

/**
 * Finds nodes by field path. Each mapping is indexed on first use, so that
 * positioning many issues in a large mapping stays linear.
 */
export interface Locator {
  /** The scalar source text at `path` (as written, before type resolution), if it is a scalar. */
  scalarSource(path: FieldPath): string | undefined;
  /** Offset of the key or value at `path`, or of the nearest ancestor that exists. */
  offset(path: FieldPath, at: 'key' | 'value'): number | undefined;
}

interface Found {
  readonly key?: unknown;
  readonly value: unknown;
}

interface MapIndex {
  readonly keys: ReadonlyMap<string, Found>;
  /** Values of merge keys (`<<`), in order. */
  readonly merges: readonly unknown[];
}

export function createLocator(doc: Document.Parsed, anchors: AnchorTable): Locator {
  const indexes = new WeakMap<YAMLMap, MapIndex>();
  const resolve = (node: unknown, seen: Set<unknown>): unknown => {
    while (isAlias(node)) {
      if (seen.has(node)) return undefined;
      seen.add(node);
      node = anchors.get(node);
    }
    return node;
  };
  const indexOf = (map: YAMLMap): MapIndex => {
    let index = indexes.get(map);
    if (index !== undefined) return index;
    const keys = new Map<string, Found>();
    const merges: unknown[] = [];
    for (const pair of map.items as readonly unknown[]) {
      if (!isPair(pair) || !isScalar((pair as Pair).key)) continue;
      const { key, value } = pair as Pair<Node, unknown>;
      const name = (key as { value: unknown }).value;
      if (typeof name === 'symbol') merges.push(value);
      else if (name !== null && !keys.has(String(name)))
        keys.set(String(name), { key, value: value ?? key });
    }
    index = { keys, merges };
    indexes.set(map, index);
    return index;
  };
  const child = (
    node: unknown,
    segment: string | number,
    seen: Set<unknown>,
  ): Found | undefined => {
    const target = resolve(node, seen);
    if (isSeq(target) && typeof segment === 'number') {
      const item: unknown = target.items[segment];
      return item === undefined ? undefined : { value: item };
    }
    if (!isMap(target)) return undefined;
    const index = indexOf(target);
    const own = index.keys.get(String(segment));
    if (own !== undefined) return own;
    for (const merge of index.merges) {
      const source = resolve(merge, seen);
      for (const item of isSeq(source) ? source.items : [source]) {
        const found = child(item, segment, seen);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return {
    scalarSource(path) {
      let node: unknown = doc.contents;
      for (const segment of path) {
        const found = child(node, segment, new Set());
        if (found === undefined) return undefined;
        node = found.value;
      }
      node = resolve(node, new Set());
      return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
    },
    offset(path, at) {
      let node: unknown = doc.contents;
      let offset = rangeStart(node);
      for (const [i, segment] of path.entries()) {
        const found = child(node, segment, new Set());
        if (found === undefined) return offset;
        node = found.value;
        offset =
          at === 'key' && found.key !== undefined && i === path.length - 1
            ? rangeStart(found.key)
            : (rangeStart(found.value) ?? rangeStart(found.key) ?? offset);
      }
      return offset;
    },
  };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range === undefined || range === null ? undefined : range[0];
}
