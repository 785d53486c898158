import { address } from '../../fragment.js';
import { POSTGRESQL_REPLICATION_USER, publicationUser, terraformIdentifier } from '../../names.js';
import { postgresqlGrant } from '../../resources/postgresql-grant.js';
import { postgresqlPublication } from '../../resources/postgresql-publication.js';
import { postgresqlReplicationRole } from '../../resources/postgresql-role.js';
import { postgresqlReplicationSlot } from '../../resources/postgresql-replication-slot.js';
import { randomPassword } from '../../resources/random-password.js';
import type { Fragment } from '../../terraform.js';
import type { PostgreSQLGrantsInput } from './postgresql-grants.js';

const PG_REPLICATION = 'postgresql.replication';

/**
 * Publications, their replication slots and client roles. cloudsqlsuperuser
 * lacks REPLICATION, so slots are created by a dedicated replication role
 * through its own provider; publications by the workload, which owns the
 * tables (they must exist before apply).
 */
export function logicalReplication(input: PostgreSQLGrantsInput, superuser: string): Fragment[] {
  const publications = input.pg.logicalReplication?.publications ?? [];
  if (publications.length === 0) return [];
  const password = randomPassword('postgresql_replication_user', { length: 32 });
  const role = postgresqlReplicationRole('replication_user', {
    provider: 'postgresql.admin',
    name: POSTGRESQL_REPLICATION_USER,
    password: password.outputs.result,
    dependsOn: [superuser],
  });
  const provider: Fragment = {
    provider: {
      postgresql: [
        {
          alias: 'replication',
          scheme: 'gcppostgres',
          host: input.connectionName,
          port: 5432,
          superuser: false,
          username: POSTGRESQL_REPLICATION_USER,
          password: password.outputs.result,
        },
      ],
    },
  };
  const roleAddress = address('postgresql_role', 'replication_user');
  const perPublication = publications.flatMap((p) => {
    const id = terraformIdentifier(p.name);
    const tables = p.tables.map((t) => `public.${t}`);
    const userPassword = randomPassword(`publication_${id}`, { length: 32 });
    return [
      userPassword.fragment,
      postgresqlReplicationRole(`publication_${id}`, {
        provider: 'postgresql.admin',
        name: publicationUser(p.name),
        password: userPassword.outputs.result,
        dependsOn: [superuser],
      }).fragment,
      postgresqlGrant(`publication_${id}_select`, {
        provider: 'postgresql.workload',
        database: p.database,
        role: publicationUser(p.name),
        objectType: 'table',
        schema: 'public',
        objects: [...p.tables],
        privileges: ['SELECT'],
        dependsOn: [address('postgresql_role', `publication_${id}`)],
      }).fragment,
      postgresqlPublication(`publication_${id}`, {
        provider: 'postgresql.workload',
        name: p.name,
        database: p.database,
        tables,
        dependsOn: [superuser],
      }).fragment,
      postgresqlReplicationSlot(`publication_${id}`, {
        provider: PG_REPLICATION,
        name: `${p.name}_pgoutput`,
        database: p.database,
        dependsOn: [roleAddress],
      }).fragment,
    ];
  });
  return [password.fragment, role.fragment, provider, ...perPublication];
}
