import type { OtlpReceiver } from './otlp-receiver.js';
import { testServers } from './servers.js';

/** The fields of an OTLP/JSON span the tests look at. */
export interface OtlpSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: OtlpAttribute[];
}
export interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string };
}
export interface TraceExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** OTLP span kinds. */
export const SPAN_KIND = { SERVER: 2, CLIENT: 3 } as const;

/** Every span of the JSON trace exports `receiver` got. */
export function receivedSpans(receiver: OtlpReceiver): OtlpSpan[] {
  return (receiver.json('traces') as TraceExport[]).flatMap((e) =>
    e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)),
  );
}

/** The local PostgreSQL and Redis, with telemetry that exports only when flushed at shutdown. */
export function tracedDataEnv(): Record<string, string> {
  return {
    PGHOST: testServers.pgHost,
    PGPORT: String(testServers.pgPort),
    PGUSER: testServers.pgUser,
    PGDATABASE: testServers.pgDatabase,
    REDIS_ENDPOINT: testServers.redisUrl,
    // Long intervals: whatever arrives, arrives through the shutdown flush.
    OTEL_METRIC_EXPORT_INTERVAL: '600000',
    OTEL_BSP_SCHEDULE_DELAY: '600000',
  };
}
