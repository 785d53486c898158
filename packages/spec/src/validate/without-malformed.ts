import type { FieldPath } from '../issues/spec-issue.js';
import { isRecord } from './loose.js';

/**
 * A copy of `value` without the values at `paths` (where the structural check
 * found a problem): a mapping loses the key, a list keeps a hole (undefined) so
 * that indices, and so issue paths, stay the same. Undefined when the root
 * itself is malformed.
 */
export function withoutMalformed(value: unknown, paths: readonly FieldPath[]): unknown {
  if (paths.some((path) => path.length === 0)) return undefined;
  const copy: unknown = structuredClone(value);
  for (const path of paths) {
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      parent = isRecord(parent)
        ? parent[segment]
        : Array.isArray(parent)
          ? (parent as unknown[])[Number(segment)]
          : undefined;
    }
    const last = path[path.length - 1] as string | number;
    if (Array.isArray(parent) && typeof last === 'number' && last < parent.length)
      parent[last] = undefined;
    else if (isRecord(parent)) delete parent[last];
  }
  return copy;
}
