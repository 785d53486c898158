import { resource } from '../fragment.js';
import type { Fragment } from '../terraform.js';

/** Grants a role on one BigQuery dataset. */
export function bigqueryDatasetIAMMember(
  id: string,
  config: { project: string; datasetID: string; role: string; member: string },
): { fragment: Fragment } {
  return {
    fragment: resource('google_bigquery_dataset_iam_member', id, {
      project: config.project,
      dataset_id: config.datasetID,
      role: config.role,
      member: config.member,
    }),
  };
}
