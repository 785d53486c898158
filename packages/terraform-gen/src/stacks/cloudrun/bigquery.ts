import type { ResolvedBigQueryDataset } from '@msp/spec';
import { address } from '../../fragment.js';
import { labelText, terraformIdentifier } from '../../names.js';
import { remoteOutput } from '../../remote-state.js';
import { bigqueryDataset } from '../../resources/bigquery-dataset.js';
import { bigqueryDatasetIAMMember } from '../../resources/bigquery-dataset-iam-member.js';
import { bigqueryTable } from '../../resources/bigquery-table.js';
import type { StackContext } from '../../stack.js';
import { contractEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';

/** The BigQuery dataset and tables, writable by the workload; Cloud Run waits for the tables. */
export function bigqueryPart(ctx: StackContext, bq: ResolvedBigQueryDataset): CloudRunPart {
  const { spec, env } = ctx;
  const labels = { service: labelText(spec.service.id) };
  const dataset = bigqueryDataset('bigquery', {
    datasetID: bq.datasetID,
    project: bq.projectID,
    location: bq.location,
    labels,
    preventDestroy: !env.allowDestroys,
  });
  const access = bigqueryDatasetIAMMember('bigquery_workload', {
    project: bq.projectID,
    datasetID: dataset.outputs.datasetID,
    role: 'roles/bigquery.dataEditor',
    member: `serviceAccount:${remoteOutput(ctx, 'iam', 'cloud_run_service_account')}`,
  });
  const tables = bq.tables.map((t) => ({
    address: address('google_bigquery_table', `bigquery_${terraformIdentifier(t.id)}`),
    ...bigqueryTable(`bigquery_${terraformIdentifier(t.id)}`, {
      project: bq.projectID,
      datasetID: dataset.outputs.datasetID,
      tableID: t.id,
      schemaJSON: t.schemaJSON,
      labels,
      deletionProtection: !env.allowDestroys,
      dependsOn: [address('google_bigquery_dataset_iam_member', 'bigquery_workload')],
    }),
  }));
  return {
    fragments: [dataset.fragment, access.fragment, ...tables.map((t) => t.fragment)],
    env: [
      contractEnv(spec.service.kind, 'BIGQUERY_PROJECT_ID', bq.projectID),
      contractEnv(spec.service.kind, 'BIGQUERY_DATASET_ID', bq.datasetID),
    ],
    volumes: [],
    dependsOn: tables.map((t) => t.address),
  };
}
