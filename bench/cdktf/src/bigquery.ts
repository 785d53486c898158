// The BigQuery dataset, the workload's access to it, and one table per schema file.
import { readFileSync } from 'node:fs';
import type { TerraformStack } from 'cdktf';
import { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset/index.js';
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member/index.js';
import { BigqueryTable } from '@cdktf/provider-google/lib/bigquery-table/index.js';
import { SERVICE, type EnvironmentConfig } from './config.ts';

export function bigquery(
  stack: TerraformStack,
  env: EnvironmentConfig,
  workloadEmail: string,
): BigqueryTable[] {
  const labels = { service: SERVICE.id };
  const dataset = new BigqueryDataset(stack, 'bigquery', {
    datasetId: SERVICE.datasetID,
    project: env.projectID,
    location: 'US',
    labels,
    lifecycle: { preventDestroy: env.preventDestroy },
  });
  const access = new BigqueryDatasetIamMember(stack, 'bigquery_workload', {
    datasetId: dataset.datasetId,
    project: env.projectID,
    role: 'roles/bigquery.dataEditor',
    member: `serviceAccount:${workloadEmail}`,
  });
  return SERVICE.tables.map((table) => {
    const schema = readFileSync(
      new URL(`../fixture/${table}.bigquerytable.json`, import.meta.url),
      'utf8',
    );
    return new BigqueryTable(stack, `bigquery_${table}`, {
      datasetId: dataset.datasetId,
      project: env.projectID,
      tableId: table,
      schema: JSON.stringify(JSON.parse(schema), null, 2),
      labels,
      deletionProtection: env.preventDestroy,
      dependsOn: [access],
    });
  });
}
