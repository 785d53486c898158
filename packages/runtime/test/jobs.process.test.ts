import { startFixture } from './support/fixture-process.js';

const CLOUD_RUN = {
  CLOUD_RUN_EXECUTION: 'example-job-x7k2p',
  CLOUD_RUN_TASK_INDEX: '2',
  CLOUD_RUN_TASK_ATTEMPT: '1',
};

describe('a job process', () => {
  it('exits 0 on success and logs start and success with the Cloud Run execution ID', async () => {
    const job = startFixture('example-job.ts', { JOB_MODE: 'succeed', ...CLOUD_RUN });
    expect(await job.exited).toBe(0);
    const records = job.records();
    expect(records).toContainEqual(
      expect.objectContaining({
        message: 'job execution starting',
        executionId: 'example-job-x7k2p-2-1',
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        message: 'working',
        scope: 'job',
        executionId: 'example-job-x7k2p-2-1',
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        severity: 'INFO',
        message: 'job execution succeeded',
        durationMs: expect.any(Number),
      }),
    );
  });

  it('exits 1 when execute throws, reporting the error with its stack', async () => {
    const job = startFixture('example-job.ts', { JOB_MODE: 'fail' });
    expect(await job.exited).toBe(1);
    const failed = job.records().find((r) => r['message'] === 'job execution failed');
    expect(failed).toMatchObject({
      severity: 'ERROR',
      outcome: 'failed',
      error: 'Error: the job failed on purpose',
    });
    expect(failed?.['stack_trace']).toContain('the job failed on purpose');
  });

  it('aborts execute and exits 124 when JOB_EXECUTION_DEADLINE passes', async () => {
    const job = startFixture('example-job.ts', {
      JOB_MODE: 'wait',
      JOB_EXECUTION_DEADLINE: '300ms',
    });
    expect(await job.exited).toBe(124);
    expect(job.records()).toContainEqual(
      expect.objectContaining({ message: 'job execution starting', deadline: '300ms' }),
    );
    expect(job.records().find((r) => r['message'] === 'job execution failed')).toMatchObject({
      outcome: 'deadline-exceeded',
      error: 'Error: deadline of 300ms exceeded',
    });
  });

  it('aborts execute and exits 143 on SIGTERM', async () => {
    const job = startFixture('example-job.ts', { JOB_MODE: 'wait' });
    await job.waitForLog((r) => r['message'] === 'working');
    job.child.kill('SIGTERM');
    expect(await job.exited).toBe(143);
    expect(job.records().find((r) => r['message'] === 'job execution failed')).toMatchObject({
      outcome: 'interrupted',
    });
  });

  it('exits 1 without running when its configuration is invalid', async () => {
    const job = startFixture('example-job.ts', {
      JOB_MODE: 'sometimes',
      JOB_EXECUTION_DEADLINE: '300',
    });
    expect(await job.exited).toBe(1);
    const message = String(job.records()[0]?.['message']);
    expect(message).toContain('JOB_MODE: must be one of succeed, fail, wait; got "sometimes"');
    expect(message).toContain('JOB_EXECUTION_DEADLINE: must be a duration');
    expect(job.records().some((r) => r['message'] === 'working')).toBe(false);
  });

  it('lists the job variables and its own for --help, and exits 0', async () => {
    const help = startFixture('example-job.ts', {}, ['--help']);
    expect(await help.exited).toBe(0);
    const text = help.lines.join('\n');
    expect(text).toContain(
      '- JOB_MODE [one of succeed, fail, wait]: succeed, fail, or wait until aborted. (required)',
    );
    expect(text).toContain('- JOB_EXECUTION_DEADLINE [duration]');
    expect(text).toContain('- CLOUD_RUN_EXECUTION [string]');
    expect(text).not.toContain('- PORT [');
  });
});
