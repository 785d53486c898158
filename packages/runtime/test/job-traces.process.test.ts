import {
  SPAN_KIND,
  otlpReceiver,
  receivedSpans,
  type OtlpReceiver,
  type TraceExport,
} from '../src/testing/otlp.js';
import { dataServiceEnv, redisTarget } from './support/data-service-env.js';
import { startFixture } from './support/fixture-process.js';
import { requireServer } from './telemetry-support/servers.js';

const INTERNAL = 1;
const STATUS_ERROR = 2;

describe('a job execution with telemetry', () => {
  let receiver: OtlpReceiver;
  beforeAll(() => requireServer('PostgreSQL'));
  beforeEach(async () => {
    receiver = await otlpReceiver();
  });
  afterEach(() => receiver.close());

  const env = () =>
    dataServiceEnv({
      redisPort: redisTarget().port,
      applicationName: `msp-job-${process.pid}`,
      otlpEndpoint: receiver.endpoint,
    });

  it('exports one trace: a root span named for the job, with the execution ID, and its PostgreSQL children', async () => {
    const job = startFixture('data-job.ts', env());
    expect(await job.exited).toBe(0);
    const executionId = job.records().find((r) => r['message'] === 'job execution starting')?.[
      'executionId'
    ];

    const spans = receivedSpans(receiver);
    const roots = spans.filter((s) => s.parentSpanId === undefined || s.parentSpanId === '');
    expect(roots).toHaveLength(1);
    const root = roots[0];
    expect(root).toMatchObject({ name: 'data-job', kind: INTERNAL });
    expect(root?.attributes).toEqual(
      expect.arrayContaining([
        { key: 'msp.job.execution_id', value: { stringValue: executionId } },
        { key: 'msp.job.outcome', value: { stringValue: 'succeeded' } },
      ]),
    );
    // Off Cloud Run the execution ID is the trace ID.
    expect(root?.traceId).toBe(executionId);
    expect(new Set(spans.map((s) => s.traceId))).toEqual(new Set([root?.traceId]));
    const children = spans.filter((s) => s.parentSpanId === root?.spanId);
    expect(children.map((s) => [s.name, s.kind])).toEqual([
      ['SELECT test', SPAN_KIND.CLIENT],
      ['SELECT test', SPAN_KIND.CLIENT],
    ]);
    const resource = (receiver.json('traces') as TraceExport[])[0]?.resourceSpans[0]?.resource;
    expect(resource?.attributes).toEqual(
      expect.arrayContaining([{ key: 'service.name', value: { stringValue: 'data-job' } }]),
    );
  }, 30_000);

  it('marks the root span of a failed execution as an error', async () => {
    const job = startFixture('data-job.ts', { ...env(), DATA_JOB_FAIL: 'true' });
    expect(await job.exited).toBe(1);
    const root = receivedSpans(receiver).find((s) => s.name === 'data-job') as
      { status?: { code?: number; message?: string }; attributes?: unknown[] } | undefined;
    expect(root?.status).toEqual({ code: STATUS_ERROR, message: 'data job failed on purpose' });
    expect(root?.attributes).toContainEqual({
      key: 'msp.job.outcome',
      value: { stringValue: 'failed' },
    });
  }, 30_000);
});
