import type { ResolvedEnvironment, ServiceKind } from '@msp/spec';

const console = 'https://console.cloud.google.com';

/** The Cloud Logging query selecting the logs of an environment's Cloud Run service or job. */
export function logsQuery(
  kind: ServiceKind,
  environment: Pick<ResolvedEnvironment, 'cloudRunName' | 'region'>,
): string {
  return kind === 'job'
    ? [
        'resource.type="cloud_run_job"',
        `resource.labels.job_name="${environment.cloudRunName}"`,
        `resource.labels.location="${environment.region}"`,
      ].join('\n')
    : [
        'resource.type="cloud_run_revision"',
        `resource.labels.service_name="${environment.cloudRunName}"`,
        `resource.labels.location="${environment.region}"`,
      ].join('\n');
}

/** The Logs Explorer URL for an environment's Cloud Run service or job. */
export function logsURL(
  kind: ServiceKind,
  environment: Pick<ResolvedEnvironment, 'cloudRunName' | 'region' | 'projectID'>,
): string {
  // The Logs Explorer takes the query as a matrix parameter of the path.
  const query = encodeURIComponent(logsQuery(kind, environment));
  return `${console}/logs/query;query=${query}?project=${encodeURIComponent(environment.projectID)}`;
}

/** The Cloud Run page of an environment's service or job. */
export function cloudRunURL(
  kind: ServiceKind,
  environment: Pick<ResolvedEnvironment, 'cloudRunName' | 'region' | 'projectID'>,
): string {
  const page = kind === 'job' ? 'jobs/details' : 'detail';
  return `${console}/run/${page}/${environment.region}/${environment.cloudRunName}?project=${encodeURIComponent(environment.projectID)}`;
}

/** The project's dashboard in the console. */
export function projectURL(projectID: string): string {
  return `${console}/home/dashboard?project=${encodeURIComponent(projectID)}`;
}

/** The Cloud SQL instances page of a project. */
export function cloudSQLURL(projectID: string): string {
  return `${console}/sql/instances?project=${encodeURIComponent(projectID)}`;
}

/** The alerting page of a project. */
export function alertingURL(projectID: string): string {
  return `${console}/monitoring/alerting?project=${encodeURIComponent(projectID)}`;
}
