import type { JsonSchema } from './json-schema.js';
import { publishedSchemaURL } from './published.js';
import { environmentSection } from './environment-section.js';
import { monitoringSection, rolloutSection } from './monitoring-section.js';
import { buildSection, serviceSection } from './service-section.js';

/**
 * Where the published schema is served: the npm CDN path of this version's
 * `schema/service.schema.json` (in the package's `files`), so a `$schema`
 * modeline keeps resolving to the schema the spec was written against.
 */
export const SERVICE_SCHEMA_ID = publishedSchemaURL('service.schema.json');

/** The one definition of service.yaml: validator, types, published schema and docs come from it. */
export const serviceSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SERVICE_SCHEMA_ID,
  title: 'ServiceSpec',
  description:
    'An msp service specification (service.yaml): one service or job and its environments.',
  type: 'object',
  properties: {
    service: serviceSection,
    build: buildSection,
    environments: {
      type: 'array',
      description: 'The environments, each in its own GCP project; IDs are unique.',
      items: environmentSection,
      minItems: 1,
    },
    monitoring: monitoringSection,
    rollout: rolloutSection,
  },
  required: ['service', 'build', 'environments'],
  additionalProperties: false,
};
