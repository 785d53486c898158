import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A logical replication slot using the built-in `pgoutput` plugin. */
export function postgresqlReplicationSlot(
  id: string,
  config: { provider: string; name: string; database: string; dependsOn: readonly string[] },
): { fragment: Fragment } {
  return {
    fragment: resource('postgresql_replication_slot', id, {
      provider: config.provider,
      name: config.name,
      database: config.database,
      plugin: 'pgoutput',
      ...dependsOn(config.dependsOn),
    }),
  };
}
