import { synthesize } from '../../src/index.js';
import { environment, platformConfig, serviceInfo, spec } from '../fixtures/base.js';
import {
  containerEnv,
  expectNoResource,
  expectResource,
  resourcesOf,
  stackOf,
} from '../expect-resource.js';

const service = serviceInfo('batch', { name: 'Batch', kind: 'job' });
const set = synthesize(
  spec(service, [
    environment(service, {
      id: 'prod',
      category: 'internal',
      job: { deadlineSeconds: 600, schedule: { cron: '0 * * * *', maxIntervalSeconds: 3600 } },
    }),
    environment(service, {
      id: 'dev',
      category: 'test',
      allowDestroys: true,
      job: { deadlineSeconds: 7200 },
    }),
    environment(service, {
      id: 'long',
      category: 'test',
      job: { deadlineSeconds: 7200, schedule: { cron: '0 3 * * *', maxIntervalSeconds: 86400 } },
    }),
  ]),
  platformConfig(),
);
const prod = stackOf(set, 'prod', 'cloudrun');
const dev = stackOf(set, 'dev', 'cloudrun');

describe('stack cloudrun for kind: job', () => {
  it('creates one-task executions with the deadline as timeout, guarded unless allowDestroys', () => {
    expectResource(
      prod,
      'google_cloud_run_v2_job',
      {
        name: 'batch-prod-us-central1',
        location: 'us-central1',
        deletion_protection: true,
        template: [
          {
            task_count: 1,
            template: [
              {
                timeout: '600s',
                service_account:
                  '${data.terraform_remote_state.iam.outputs.cloud_run_service_account}',
                containers: [{ image: 'us.gcr.io/example-public/batch:insiders' }],
              },
            ],
          },
        ],
      },
      'cloudrun',
    );
    expectResource(dev, 'google_cloud_run_v2_job', { deletion_protection: false });
  });

  it('has no probes, no diagnostics secret and no invoker grants of a service', () => {
    const job = JSON.stringify(resourcesOf(prod, 'google_cloud_run_v2_job'));
    expect(job).not.toContain('probe');
    expect(containerEnv(prod)).not.toHaveProperty('DIAGNOSTICS_SECRET');
    expectNoResource(prod, 'random_id');
    expectNoResource(prod, 'google_cloud_run_v2_service_iam_member');
  });

  it('triggers a scheduled job from Cloud Scheduler in UTC with its own invoker account', () => {
    expectResource(
      prod,
      'google_service_account',
      {
        account_id: 'batch-job-sa',
        display_name: 'Batch Job-Invoker Service Account',
      },
      'job_invoker',
    );
    expectResource(
      prod,
      'google_cloud_run_v2_job_iam_member',
      {
        name: '${google_cloud_run_v2_job.cloudrun.name}',
        role: 'roles/run.invoker',
        member: '${google_service_account.job_invoker.member}',
      },
      'cloudrun_scheduler_job_invoker',
    );
    expectResource(
      prod,
      'google_cloud_scheduler_job',
      {
        name: 'batch-prod-us-central1',
        region: 'us-central1',
        schedule: '0 * * * *',
        time_zone: 'Etc/UTC',
        attempt_deadline: '600s',
        http_target: [
          {
            http_method: 'POST',
            uri: 'https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/batch-prod-a1b2/jobs/batch-prod-us-central1:run',
            headers: { 'User-Agent': 'MSP-Google-Cloud-Scheduler' },
            oauth_token: [{ service_account_email: '${google_service_account.job_invoker.email}' }],
          },
        ],
        depends_on: ['google_cloud_run_v2_job_iam_member.cloudrun_scheduler_job_invoker'],
      },
      'job_scheduler',
    );
  });

  it('tells the job its schedule and deadline', () => {
    expect(containerEnv(prod)).toMatchObject({
      JOB_EXECUTION_CRON_SCHEDULE: '0 * * * *',
      JOB_EXECUTION_DEADLINE: '600s',
    });
  });

  it('caps the scheduler attempt deadline at 30 minutes (the call only starts an execution)', () => {
    expectResource(stackOf(set, 'long', 'cloudrun'), 'google_cloud_scheduler_job', {
      attempt_deadline: '1800s',
    });
    expectResource(stackOf(set, 'long', 'cloudrun'), 'google_cloud_run_v2_job', {
      template: [{ template: [{ timeout: '7200s' }] }],
    });
  });

  it('creates no scheduler, invoker or schedule variables for an unscheduled job', () => {
    expectNoResource(dev, 'google_cloud_scheduler_job');
    expectNoResource(dev, 'google_service_account');
    expect(containerEnv(dev)).not.toHaveProperty('JOB_EXECUTION_CRON_SCHEDULE');
  });
});
