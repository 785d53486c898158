/** Cloud SQL sizing and publications. */
import type { Rule } from './rule.js';
import { environments, items } from './rule.js';
import { SPEC_DEFAULTS } from '../schema/defaults.js';

export const postgreSQLResources: Rule = {
  code: 'postgresql-resources',
  *check({ spec, malformed }) {
    for (const [env, , path] of environments(spec)) {
      const pg = env.resources?.postgreSQL;
      const at = [...path, 'resources', 'postgreSQL'];
      // A malformed value must not be replaced by its default here.
      if (pg === undefined || malformed([...at, 'cpu']) || malformed([...at, 'memoryGB'])) continue;
      const cpu = pg.cpu ?? SPEC_DEFAULTS.postgreSQLCPU;
      const memoryGB = pg.memoryGB ?? SPEC_DEFAULTS.postgreSQLMemoryGB;
      if (cpu !== 1 && cpu % 2 !== 0)
        yield {
          path: [...at, 'cpu'],
          message: `postgreSQL.cpu must be 1 or a multiple of 2, got ${cpu}`,
        };
      if (memoryGB < cpu)
        yield {
          path: [...at, 'memoryGB'],
          message: `postgreSQL.memoryGB (${memoryGB}) must be >= postgreSQL.cpu (${cpu})`,
        };
      if (memoryGB > 6 * cpu) {
        yield {
          path: [...at, 'memoryGB'],
          message: `postgreSQL.memoryGB (${memoryGB}) must be <= 6*postgreSQL.cpu (${6 * cpu})`,
          hint: 'raise postgreSQL.cpu or lower memoryGB',
        };
      }
    }
  },
};

export const publicationDuplicate: Rule = {
  code: 'publication-duplicate',
  *check({ spec }) {
    for (const [env, , path] of environments(spec)) {
      const seen = new Set<string>();
      for (const [publication, index] of items(
        env.resources?.postgreSQL?.logicalReplication?.publications,
      )) {
        if (publication.name === undefined) continue;
        if (seen.has(publication.name)) {
          yield {
            path: [
              ...path,
              'resources',
              'postgreSQL',
              'logicalReplication',
              'publications',
              index,
              'name',
            ],
            message: `publication[${index}].name "${publication.name}" must be unique`,
          };
        }
        seen.add(publication.name);
      }
    }
  },
};
