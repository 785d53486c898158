import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

export type SQLUserConfig =
  | {
      readonly instance: string;
      readonly name: string;
      readonly type: 'BUILT_IN';
      readonly password: string;
    }
  | {
      readonly instance: string;
      /** The service account email without `.gserviceaccount.com`. */
      readonly name: string;
      readonly type: 'CLOUD_IAM_SERVICE_ACCOUNT';
    };

/** A database user, abandoned (not dropped) when removed from Terraform. */
export function sqlUser(
  id: string,
  c: SQLUserConfig,
  waitFor: readonly string[] = [],
): { fragment: Fragment } {
  return {
    fragment: resource('google_sql_user', id, {
      instance: c.instance,
      name: c.name,
      type: c.type,
      ...(c.type === 'BUILT_IN' ? { password: c.password } : {}),
      deletion_policy: 'ABANDON',
      ...dependsOn(waitFor),
    }),
  };
}
