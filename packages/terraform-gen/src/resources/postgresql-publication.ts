import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A logical replication publication of some tables. */
export function postgresqlPublication(
  id: string,
  config: {
    provider: string;
    name: string;
    database: string;
    tables: readonly string[];
    dependsOn: readonly string[];
  },
): { fragment: Fragment } {
  return {
    fragment: resource('postgresql_publication', id, {
      provider: config.provider,
      name: config.name,
      database: config.database,
      tables: [...config.tables],
      ...dependsOn(config.dependsOn),
    }),
  };
}
