import {
  SPAN_KIND,
  otlpReceiver,
  receivedSpans,
  type OtlpReceiver,
  type TraceExport,
} from '../src/testing/otlp.js';
import { startServiceFixture } from './support/fixture-process.js';

interface MetricExport {
  resourceMetrics: {
    resource: { attributes: unknown[] };
    scopeMetrics: { metrics: { name: string }[] }[];
  }[];
}

describe('a service using the OpenTelemetry API and an instrumentation of its own', () => {
  let receiver: OtlpReceiver;
  beforeEach(async () => {
    receiver = await otlpReceiver();
  });
  afterEach(() => receiver.close());

  it('exports its spans and metrics through the runtime, with the runtime’s resource, and runs its span processor', async () => {
    const service = await startServiceFixture('api-service.ts', {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '600000',
      OTEL_METRIC_EXPORT_INTERVAL: '600000',
      OTEL_RESOURCE_ATTRIBUTES: 'team=platform,service.name=ignored',
    });
    expect(await (await fetch(`${service.url}/`)).text()).toBe('ok\n');
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    const spans = receivedSpans(receiver);
    const server = spans.find((s) => s.kind === SPAN_KIND.SERVER);
    const own = spans.find((s) => s.name === 'own work');
    const dns = spans.find((s) => s.name === 'dns.lookup');
    expect(own?.parentSpanId).toBe(server?.spanId);
    expect(dns?.parentSpanId).toBe(own?.spanId);
    const marked = { key: 'fixture.processor', value: { stringValue: 'seen' } };
    for (const span of [server, own, dns]) expect(span?.attributes).toContainEqual(marked);

    const resources = (receiver.json('traces') as TraceExport[]).flatMap((e) =>
      e.resourceSpans.map((r) => r.resource.attributes),
    );
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) {
      expect(resource).toEqual(
        expect.arrayContaining([
          { key: 'service.name', value: { stringValue: 'api-fixture' } },
          { key: 'service.version', value: { stringValue: '4.5.6' } },
          { key: 'team', value: { stringValue: 'platform' } },
        ]),
      );
    }
    const metricNames = (receiver.json('metrics') as MetricExport[]).flatMap((e) =>
      e.resourceMetrics.flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.name))),
    );
    expect(metricNames).toContain('fixture.requests');
  }, 30_000);
});
