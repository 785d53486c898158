import { resource, resourceRef } from '../fragment.js';
import type { Expression } from '../expression.js';
import type { Fragment } from '../terraform.js';

/** A BigQuery dataset, guarded unless destroys are allowed. */
export function bigqueryDataset(
  id: string,
  config: {
    datasetID: string;
    project: string;
    location: string;
    labels: Readonly<Record<string, string>>;
    preventDestroy: boolean;
  },
): { fragment: Fragment; outputs: { datasetID: Expression } } {
  return {
    fragment: resource('google_bigquery_dataset', id, {
      dataset_id: config.datasetID,
      project: config.project,
      location: config.location,
      labels: { ...config.labels },
      lifecycle: { prevent_destroy: config.preventDestroy },
    }),
    outputs: { datasetID: resourceRef('google_bigquery_dataset', id, 'dataset_id') },
  };
}
