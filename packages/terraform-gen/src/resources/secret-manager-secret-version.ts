import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A version of a secret; `version` pins consumers to exactly this value. */
export function secretManagerSecretVersion(
  id: string,
  config: { secret: string; data: string },
): { fragment: Fragment; outputs: { version: Expression } } {
  return {
    fragment: resource('google_secret_manager_secret_version', id, {
      secret: config.secret,
      secret_data: config.data,
    }),
    outputs: { version: resourceRef('google_secret_manager_secret_version', id, 'version') },
  };
}
