import { resource, dependsOn } from '../fragment.js';
import type { Fragment } from '../terraform.js';

export interface CloudSchedulerJobConfig {
  readonly name: string;
  readonly region: string;
  readonly cron: string;
  readonly attemptDeadlineSeconds: number;
  /** URL to POST to. */
  readonly uri: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Account whose OAuth token authorises the call. */
  readonly serviceAccountEmail: string;
  readonly dependsOn: readonly string[];
}

/** A Cloud Scheduler job that POSTs to a Google API on a cron schedule, in UTC. */
export function cloudSchedulerJob(id: string, c: CloudSchedulerJobConfig): { fragment: Fragment } {
  return {
    fragment: resource('google_cloud_scheduler_job', id, {
      name: c.name,
      region: c.region,
      schedule: c.cron,
      time_zone: 'Etc/UTC',
      attempt_deadline: `${c.attemptDeadlineSeconds}s`,
      http_target: [
        {
          http_method: 'POST',
          uri: c.uri,
          headers: { ...c.headers },
          oauth_token: [{ service_account_email: c.serviceAccountEmail }],
        },
      ],
      ...dependsOn(c.dependsOn),
    }),
  };
}
