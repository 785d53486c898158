import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Makes `role` a member of `grantRole`, through the given PostgreSQL provider alias. */
export function postgresqlGrantRole(
  id: string,
  config: {
    provider: string;
    role: string;
    grantRole: string;
    withAdminOption: boolean;
    dependsOn: readonly string[];
  },
): { fragment: Fragment } {
  return {
    fragment: resource('postgresql_grant_role', id, {
      provider: config.provider,
      role: config.role,
      grant_role: config.grantRole,
      with_admin_option: config.withAdminOption,
      ...dependsOn(config.dependsOn),
    }),
  };
}
