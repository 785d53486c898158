import type { ResolvedJobSettings } from '@msp/spec';
import type { Expression } from '../../expression.js';
import { address } from '../../fragment.js';
import { tableName } from '../../names.js';
import { remoteOutput } from '../../remote-state.js';
import { cloudRunJob } from '../../resources/cloud-run-job.js';
import { cloudRunJobIAMMember } from '../../resources/cloud-run-job-iam-member.js';
import { cloudSchedulerJob } from '../../resources/cloud-scheduler-job.js';
import { serviceAccount } from '../../resources/service-account.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { contractEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';
import { executionEnvironment, workloadContainer } from './workload-container.js';

/** Cloud Scheduler accepts attempt deadlines of 15 s to 30 min for HTTP targets; the call only starts an execution. */
const SCHEDULER_DEADLINE_RANGE = [15, 1800] as const;

/** The Cloud Run job and, when scheduled, its Cloud Scheduler trigger and invoker account. */
export function jobWorkload(
  ctx: StackContext,
  settings: ResolvedJobSettings,
  image: string,
  part: CloudRunPart,
): { fragments: Fragment[]; name: Expression; location: Expression } {
  const { spec, env } = ctx;
  const schedule = settings.schedule;
  const scheduleEnv =
    schedule === undefined
      ? []
      : [
          contractEnv('job', 'JOB_EXECUTION_CRON_SCHEDULE', schedule.cron),
          contractEnv('job', 'JOB_EXECUTION_DEADLINE', `${settings.deadlineSeconds}s`),
        ];
  const job = cloudRunJob('cloudrun', {
    name: env.cloudRunName,
    location: env.region,
    serviceAccount: remoteOutput(ctx, 'iam', 'cloud_run_service_account'),
    deletionProtection: !env.allowDestroys,
    timeoutSeconds: settings.deadlineSeconds,
    ...executionEnvironment(env.instances.cloudRunGeneration),
    container: workloadContainer(ctx, image, { ...part, env: [...part.env, ...scheduleEnv] }),
    ...(part.vpcAccess === undefined ? {} : { vpcAccess: part.vpcAccess }),
    dependsOn: part.dependsOn,
  });
  if (schedule === undefined) return { fragments: [job.fragment], ...job.outputs };

  const invoker = serviceAccount('job_invoker', {
    accountID: tableName(spec.names.jobInvokerServiceAccountID, 'job invoker account ID'),
    displayName: `${spec.service.name} Job-Invoker Service Account`,
  });
  const grant = cloudRunJobIAMMember('cloudrun_scheduler_job_invoker', {
    name: job.outputs.name,
    location: job.outputs.location,
    role: 'roles/run.invoker',
    member: invoker.outputs.member,
  });
  const [min, max] = SCHEDULER_DEADLINE_RANGE;
  const scheduler = cloudSchedulerJob('job_scheduler', {
    name: env.cloudRunName,
    region: env.region,
    cron: schedule.cron,
    attemptDeadlineSeconds: Math.min(max, Math.max(min, settings.deadlineSeconds)),
    uri:
      `https://${env.region}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/` +
      `${env.projectID}/jobs/${env.cloudRunName}:run`,
    headers: { 'User-Agent': 'MSP-Google-Cloud-Scheduler' },
    serviceAccountEmail: invoker.outputs.email,
    dependsOn: [address('google_cloud_run_v2_job_iam_member', 'cloudrun_scheduler_job_invoker')],
  });
  return {
    fragments: [job.fragment, invoker.fragment, grant.fragment, scheduler.fragment],
    ...job.outputs,
  };
}
