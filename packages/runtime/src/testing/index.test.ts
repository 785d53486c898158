import { variable } from '../config/variable.js';
import { isConfigError } from '../errors.js';
import {
  createDataClients,
  type IntegrationClients,
  type SetupIntegrations,
} from '../integrations/integrations.js';
import { defineJob } from '../job/job.js';
import type { JobCompletion } from '../job/job-reporter.js';
import type { LogRecord } from '../logging/log-record.js';
import { defineService } from '../service/service.js';
import { runTestJob, startTestService } from './index.js';

const service = defineService({
  name: 'hello',
  version: '2.0.0',
  config: { greeting: variable.string('GREETING', { description: 'Greeting.', default: 'hello' }) },
  initialize: ({ config, contract }) => ({
    handler: (_req, res) => {
      res.end(`${config.greeting} in ${contract.environmentId}`);
    },
  }),
});

describe('startTestService', () => {
  it('serves the app and diagnostics on a free local port until stopped', async () => {
    const running = await startTestService(service, {
      env: { GREETING: 'hi', ENVIRONMENT_ID: 'test' },
    });
    try {
      expect(running.url).toBe(`http://127.0.0.1:${running.port}`);
      expect(await (await fetch(running.url)).text()).toBe('hi in test');
      expect((await fetch(`${running.url}/-/healthz`)).status).toBe(200);
      expect(await (await fetch(`${running.url}/-/version`)).text()).toBe('2.0.0\n');
      expect(running.logs.some((line) => line.includes('"service started"'))).toBe(true);
    } finally {
      expect((await running.stop()).clean).toBe(true);
    }
    await expect(fetch(running.url)).rejects.toThrow();
  });

  it('throws a ConfigError and starts nothing when configuration is invalid', async () => {
    const error = await startTestService(service, {
      env: { PORT: 'x', LOG_LEVEL: 'verbose' },
    }).catch((caught: unknown) => caught);
    expect(isConfigError(error)).toBe(true);
    expect(isConfigError(error) && error.issues.map((issue) => issue.variable)).toEqual([
      'PORT',
      'LOG_LEVEL',
    ]);
  });
});

describe('contract.authorizeDiagnostics', () => {
  it('guards a custom debug endpoint with the diagnostics secret', async () => {
    const debug = defineService({
      name: 'debug',
      version: '1',
      initialize: ({ contract }) => ({
        handler: (req, res) => {
          if (contract.authorizeDiagnostics(req, res)) res.end('secret state');
        },
      }),
    });
    const running = await startTestService(debug, { env: { DIAGNOSTICS_SECRET: 'letmein' } });
    try {
      expect((await fetch(`${running.url}/debug`)).status).toBe(401);
      const authorised = await fetch(`${running.url}/debug`, {
        headers: { authorization: 'Bearer letmein' },
      });
      expect(await authorised.text()).toBe('secret state');
    } finally {
      await running.stop();
    }
  });
});

describe('integrations', () => {
  it('add clients to the contract, receive error logs, wrap the handler, and flush and close at shutdown', async () => {
    const events: string[] = [];
    const errors: LogRecord[] = [];
    const setupIntegrations: SetupIntegrations = async ({
      lifecycle,
      logger,
      workload,
      service: identity,
    }) => {
      events.push(`setup ${workload} ${identity.name}`);
      lifecycle.addCloser({
        name: 'telemetry',
        close: async () => void events.push('close telemetry'),
        last: true,
      });
      lifecycle.addHealthCheck({ name: 'fake-db', check: async () => undefined });
      const clients: IntegrationClients = Object.assign(createDataClients({}, lifecycle, logger), {
        fake: 'client',
      });
      return {
        clients,
        logSinks: [{ name: 'sentry', write: (record) => errors.push(record) }],
        flushers: [{ name: 'spans', flush: async () => void events.push('flush spans') }],
        jobReporters: [],
        wrapHandler: (handler) => (req, res) => {
          res.setHeader('x-wrapped', 'yes');
          return handler(req, res);
        },
      };
    };
    const app = defineService({
      name: 'integrated',
      version: '1',
      initialize: ({ contract, lifecycle, logger }) => {
        lifecycle.addCloser({ name: 'app', close: async () => void events.push('close app') });
        return {
          handler: (_req, res) => {
            logger.error('handler error', { error: new Error('boom') });
            res.end(String((contract as unknown as Record<string, unknown>)['fake']));
          },
        };
      },
    });
    const running = await startTestService(app, { setupIntegrations });
    const response = await fetch(running.url);
    expect(await response.text()).toBe('client');
    expect(response.headers.get('x-wrapped')).toBe('yes');
    const health = (await (await fetch(`${running.url}/-/healthz`)).json()) as {
      checks: unknown[];
    };
    expect(health.checks).toEqual([expect.objectContaining({ name: 'fake-db', ok: true })]);
    expect(errors.map((record) => record.message)).toEqual(['handler error']);
    await running.stop();
    expect(events).toEqual([
      'setup service integrated',
      'flush spans',
      'close app',
      'close telemetry',
    ]);
  });

  it('close what integrations opened when initialize fails', async () => {
    const closed: string[] = [];
    const setupIntegrations: SetupIntegrations = async ({ lifecycle, logger }) => {
      lifecycle.addCloser({ name: 'pool', close: async () => void closed.push('pool') });
      const clients = createDataClients({}, lifecycle, logger);
      return { clients, logSinks: [], flushers: [], jobReporters: [] };
    };
    const broken = defineService({
      name: 'broken',
      version: '1',
      initialize: () => {
        throw new Error('cannot initialise');
      },
    });
    await expect(startTestService(broken, { setupIntegrations })).rejects.toThrow(
      'cannot initialise',
    );
    expect(closed).toEqual(['pool']);
  });

  it('hear job executions start and finish with their outcome', async () => {
    const heard: string[] = [];
    let completion: JobCompletion | undefined;
    const setupIntegrations: SetupIntegrations = async ({ lifecycle, logger }) => ({
      clients: createDataClients({}, lifecycle, logger),
      logSinks: [],
      flushers: [],
      jobReporters: [
        {
          name: 'cron',
          started: async (execution) => void heard.push(`started ${execution.executionId}`),
          finished: async (execution, done) => {
            heard.push(`finished ${execution.executionId}`);
            completion = done;
          },
        },
      ],
    });
    const job = defineJob({
      name: 'nightly',
      version: '1',
      execute: () => {
        throw new Error('nightly failed');
      },
    });
    const { result } = await runTestJob(job, {
      env: { CLOUD_RUN_EXECUTION: 'nightly-abc', JOB_EXECUTION_CRON_SCHEDULE: '0 3 * * *' },
      setupIntegrations,
    });
    expect(result).toMatchObject({
      outcome: 'failed',
      exitCode: 1,
      executionId: 'nightly-abc-0-0',
    });
    expect(heard).toEqual(['started nightly-abc-0-0', 'finished nightly-abc-0-0']);
    expect(completion).toMatchObject({ outcome: 'failed', error: new Error('nightly failed') });
  });
});

describe('routines', () => {
  it('start with the service and stop at shutdown', async () => {
    const events: string[] = [];
    const withRoutine = defineService({
      name: 'worker',
      version: '1',
      initialize: () => ({
        routines: [
          {
            name: 'consumer',
            start: (signal) => {
              events.push('start');
              signal.addEventListener('abort', () => events.push('aborted'));
            },
            stop: async () => void events.push('stop'),
          },
        ],
      }),
    });
    const running = await startTestService(withRoutine);
    expect(events).toEqual(['start']);
    const report = await running.stop();
    expect(report.clean).toBe(true);
    expect(events).toEqual(['start', 'aborted', 'stop']);
  });
});
