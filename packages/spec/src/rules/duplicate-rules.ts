/**
 * Lists whose duplicates the anchor accepts: msp warns and keeps each value
 * once (resolveSpec drops the repeats), so no Terraform resource is defined twice.
 */
import type { FieldPath } from '../issues/spec-issue.js';
import { apiServiceName } from '../resolve/names.js';
import type { Finding, Rule } from './rule.js';
import { environments, items } from './rule.js';

/** A finding for every item whose `key` an earlier item of `list` already has. */
function* repeats(
  list: readonly (string | undefined)[] | undefined,
  at: FieldPath,
  key: (item: string) => string = (item) => item,
): Generator<Finding> {
  const first = new Map<string, [string, number]>();
  for (const [item, index] of items(list)) {
    const seen = first.get(key(item));
    if (seen === undefined) {
      first.set(key(item), [item, index]);
      continue;
    }
    const [earlier, earlierIndex] = seen;
    yield {
      path: [...at, index],
      severity: 'warning',
      message:
        earlier === item
          ? `${JSON.stringify(item)} is listed twice; the duplicate is ignored. Remove it.`
          : `${JSON.stringify(item)} is the same as ${JSON.stringify(earlier)} (index ${earlierIndex}); the duplicate is ignored. Remove it.`,
    };
  }
}

export const duplicateItem: Rule = {
  code: 'duplicate-item',
  *check({ spec }) {
    const iam = spec.service?.iam;
    const at = ['service', 'iam'];
    // "x" and "x.googleapis.com" enable the same API.
    yield* repeats(iam?.services, [...at, 'services'], apiServiceName);
    yield* repeats(iam?.roles, [...at, 'roles']);
    yield* repeats(iam?.permissions, [...at, 'permissions']);
    for (const [env, , path] of environments(spec)) {
      const resources = [...path, 'resources'];
      yield* repeats(env.resources?.postgreSQL?.databases, [
        ...resources,
        'postgreSQL',
        'databases',
      ]);
      yield* repeats(env.resources?.bigQueryDataset?.tables, [
        ...resources,
        'bigQueryDataset',
        'tables',
      ]);
    }
  },
};
