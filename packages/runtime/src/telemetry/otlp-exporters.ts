import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace';
import type { HeadersFactory } from './gcp-auth-headers.js';
import { lazyExporters } from './lazy-exporters.js';

export interface OtlpExporters {
  readonly traces: SpanExporter;
  readonly metrics: PushMetricExporter;
}

/**
 * Bound on one export, retries included. Shutdown flushes within it, leaving
 * room in Cloud Run's 10 s grace period for draining requests first.
 */
export const EXPORT_TIMEOUT_MS = 4_000;

/**
 * OTLP/HTTP exporters to `<endpoint>/v1/traces` and `<endpoint>/v1/metrics`.
 * Only the encoding in use is loaded (protobuf is what the Telemetry API
 * documents; JSON is handy for local receivers), and only when the first
 * export happens (see {@link lazyExporters}).
 */
export function otlpExporters(
  endpoint: string,
  protocol: 'http/protobuf' | 'http/json',
  headers: HeadersFactory | undefined,
): OtlpExporters {
  return lazyExporters(() => loadOtlpExporters(endpoint, protocol, headers));
}

async function loadOtlpExporters(
  endpoint: string,
  protocol: 'http/protobuf' | 'http/json',
  headers: HeadersFactory | undefined,
): Promise<OtlpExporters> {
  const common = (
    signal: string,
  ): { url: string; timeoutMillis: number; headers?: HeadersFactory } => ({
    url: `${endpoint}/v1/${signal}`,
    timeoutMillis: EXPORT_TIMEOUT_MS,
    ...(headers === undefined ? {} : { headers }),
  });
  if (protocol === 'http/json') {
    const [{ OTLPTraceExporter }, { OTLPMetricExporter }] = await Promise.all([
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/exporter-metrics-otlp-http'),
    ]);
    return {
      traces: new OTLPTraceExporter(common('traces')),
      metrics: new OTLPMetricExporter(common('metrics')),
    };
  }
  const [{ OTLPTraceExporter }, { OTLPMetricExporter }] = await Promise.all([
    import('@opentelemetry/exporter-trace-otlp-proto'),
    import('@opentelemetry/exporter-metrics-otlp-proto'),
  ]);
  return {
    traces: new OTLPTraceExporter(common('traces')),
    metrics: new OTLPMetricExporter(common('metrics')),
  };
}
