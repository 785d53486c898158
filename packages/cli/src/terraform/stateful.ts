/**
 * Resource types whose destruction loses data or identity that Terraform
 * cannot recreate, and what is lost: a project (and everything in it),
 * service accounts (their IDs and grants elsewhere), databases, Redis,
 * BigQuery, buckets, secrets.
 */
const statefulTypes: Readonly<Record<string, { kind: string; loses: string }>> = {
  google_project: { kind: 'GCP project', loses: 'every resource and all data in the project' },
  google_service_account: {
    kind: 'service account',
    loses: 'its unique ID, its keys and every grant made to it elsewhere (other services, projects)',
  },
  google_sql_database_instance: {
    kind: 'Cloud SQL instance',
    loses: 'every database, user and backup in the instance',
  },
  google_sql_database: { kind: 'Cloud SQL database', loses: 'its tables and rows' },
  google_sql_user: { kind: 'Cloud SQL user', loses: 'the role, its grants and objects it owns' },
  google_redis_instance: { kind: 'Redis instance', loses: 'every key in the instance' },
  google_bigquery_dataset: { kind: 'BigQuery dataset', loses: 'every table and its rows' },
  google_bigquery_table: { kind: 'BigQuery table', loses: 'its rows' },
  google_storage_bucket: { kind: 'Cloud Storage bucket', loses: 'every object in the bucket' },
  google_secret_manager_secret: {
    kind: 'Secret Manager secret',
    loses: 'every version of the secret value',
  },
};

/** A description of the type when destroying it loses state, else undefined. */
export function statefulKind(type: string): string | undefined {
  return statefulTypes[type]?.kind;
}

/** What destroying a resource of the type loses, else undefined. */
export function statefulLoss(type: string): string | undefined {
  return statefulTypes[type]?.loses;
}
