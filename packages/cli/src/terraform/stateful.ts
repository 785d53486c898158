/**
 * Resource types whose destruction loses data or identity that Terraform
 * cannot recreate: a project (and everything in it), service accounts (their
 * IDs and grants elsewhere), databases, Redis, BigQuery, buckets.
 */
const statefulTypes: Readonly<Record<string, string>> = {
  google_project: 'GCP project',
  google_service_account: 'service account',
  google_sql_database_instance: 'Cloud SQL instance',
  google_sql_database: 'Cloud SQL database',
  google_redis_instance: 'Redis instance',
  google_bigquery_dataset: 'BigQuery dataset',
  google_bigquery_table: 'BigQuery table',
  google_storage_bucket: 'Cloud Storage bucket',
  google_secret_manager_secret: 'Secret Manager secret',
};

/** A description of the type when destroying it loses state, else undefined. */
export function statefulKind(type: string): string | undefined {
  return statefulTypes[type];
}
