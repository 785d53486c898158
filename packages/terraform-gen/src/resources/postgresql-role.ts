import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A login role with the REPLICATION attribute (for logical replication clients). */
export function postgresqlReplicationRole(
  id: string,
  config: { provider: string; name: string; password: string; dependsOn: readonly string[] },
): { fragment: Fragment } {
  return {
    fragment: resource('postgresql_role', id, {
      provider: config.provider,
      name: config.name,
      login: true,
      replication: true,
      password: config.password,
      ...dependsOn(config.dependsOn),
    }),
  };
}
