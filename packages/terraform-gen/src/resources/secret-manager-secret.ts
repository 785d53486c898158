import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A Secret Manager secret with automatic replication. */
export function secretManagerSecret(
  id: string,
  config: { secretID: string },
): { fragment: Fragment; outputs: { secretID: Expression; id: Expression } } {
  return {
    fragment: resource('google_secret_manager_secret', id, {
      secret_id: config.secretID,
      replication: [{ auto: [{}] }],
    }),
    outputs: {
      secretID: resourceRef('google_secret_manager_secret', id, 'secret_id'),
      id: resourceRef('google_secret_manager_secret', id, 'id'),
    },
  };
}
