import { jobMonitor } from './job-monitor.js';

describe('jobMonitor', () => {
  it('names the monitor after job and environment and sizes it from the deadline', () => {
    const env = {
      ENVIRONMENT_ID: 'prod',
      JOB_EXECUTION_CRON_SCHEDULE: '*/5 * * * *',
      JOB_EXECUTION_DEADLINE: '150s',
    };
    expect(jobMonitor('reindex', env)).toEqual({
      slug: 'reindex-prod',
      config: {
        schedule: { type: 'crontab', value: '*/5 * * * *' },
        maxRuntime: 3,
        checkinMargin: 2,
        timezone: 'Etc/UTC',
      },
    });
  });

  it('has no monitor for an unscheduled job', () => {
    expect(jobMonitor('once', { JOB_EXECUTION_DEADLINE: '60s' })).toBeUndefined();
  });

  it('rejects a deadline that is not a duration', () => {
    expect(() =>
      jobMonitor('j', {
        JOB_EXECUTION_CRON_SCHEDULE: '@daily',
        JOB_EXECUTION_DEADLINE: '10 minutes',
      }),
    ).toThrow('JOB_EXECUTION_DEADLINE: "10 minutes" is not a duration such as 300s or 1h30m');
  });
});
