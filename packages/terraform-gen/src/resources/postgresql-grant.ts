import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

export interface PostgreSQLGrantConfig {
  readonly provider: string;
  readonly database: string;
  readonly role: string;
  readonly objectType: 'database' | 'table' | 'schema';
  readonly privileges: readonly string[];
  readonly schema?: string;
  /** Empty means every object of the type in the schema. */
  readonly objects?: readonly string[];
  readonly dependsOn: readonly string[];
}

/** Grants privileges on a database, schema or tables. */
export function postgresqlGrant(id: string, c: PostgreSQLGrantConfig): { fragment: Fragment } {
  return {
    fragment: resource('postgresql_grant', id, {
      provider: c.provider,
      database: c.database,
      role: c.role,
      object_type: c.objectType,
      privileges: [...c.privileges],
      ...(c.schema === undefined ? {} : { schema: c.schema }),
      ...(c.objects === undefined ? {} : { objects: [...c.objects] }),
      ...dependsOn(c.dependsOn),
    }),
  };
}
