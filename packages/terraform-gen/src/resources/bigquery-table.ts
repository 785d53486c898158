import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** A BigQuery table with a JSON schema, protected from deletion unless destroys are allowed. */
export function bigqueryTable(
  id: string,
  config: {
    project: string;
    datasetID: string;
    tableID: string;
    schemaJSON: string;
    labels: Readonly<Record<string, string>>;
    deletionProtection: boolean;
    dependsOn: readonly string[];
  },
): { fragment: Fragment } {
  return {
    fragment: resource('google_bigquery_table', id, {
      project: config.project,
      dataset_id: config.datasetID,
      table_id: config.tableID,
      schema: config.schemaJSON,
      labels: { ...config.labels },
      deletion_protection: config.deletionProtection,
      ...dependsOn(config.dependsOn),
    }),
  };
}
