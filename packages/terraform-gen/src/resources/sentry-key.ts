import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A client key of a Sentry project; `dsn` is its public DSN. */
export function sentryKey(
  id: string,
  config: { organization: string; project: string; name: string },
): { fragment: Fragment; outputs: { dsn: Expression } } {
  return {
    fragment: resource('sentry_key', id, {
      organization: config.organization,
      project: config.project,
      name: config.name,
    }),
    outputs: { dsn: resourceRef('sentry_key', id, 'dsn["public"]') },
  };
}
