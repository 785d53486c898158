import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

export interface ServiceAccountConfig {
  readonly accountID: string;
  readonly displayName: string;
  readonly preventDestroy?: boolean;
}

/** A service account; `member` is `serviceAccount:<email>`. */
export function serviceAccount(
  id: string,
  config: ServiceAccountConfig,
): { fragment: Fragment; outputs: { email: Expression; member: Expression; name: Expression } } {
  return {
    fragment: resource('google_service_account', id, {
      account_id: config.accountID,
      display_name: config.displayName,
      ...(config.preventDestroy === undefined
        ? {}
        : { lifecycle: { prevent_destroy: config.preventDestroy } }),
    }),
    outputs: {
      email: resourceRef('google_service_account', id, 'email'),
      member: resourceRef('google_service_account', id, 'member'),
      name: resourceRef('google_service_account', id, 'name'),
    },
  };
}
