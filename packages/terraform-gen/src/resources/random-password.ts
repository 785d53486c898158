import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A generated password (sensitive in Terraform); letters and digits only, so it needs no escaping. */
export function randomPassword(
  id: string,
  config: { length: number },
): { fragment: Fragment; outputs: { result: Expression } } {
  return {
    fragment: resource('random_password', id, { length: config.length, special: false }),
    outputs: { result: resourceRef('random_password', id, 'result') },
  };
}
