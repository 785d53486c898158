import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

/** The exporters behind the lazy ones. */
export interface Exporters {
  readonly traces: SpanExporter;
  readonly metrics: PushMetricExporter;
}

/**
 * Exporters that load the real ones (`load()`: the OTLP exporter and
 * serializer modules, some 25 ms of start-up) on their first export, flush
 * or shutdown instead of at start-up: the batch span processor and the
 * metric reader hold them from the start but export seconds later. A failed
 * load fails that export (the SDK logs it). Metrics use the SDK's default,
 * cumulative temporality, as the OTLP exporter does by default.
 */
export function lazyExporters(load: () => Promise<Exporters>): Exporters {
  let loading: Promise<Exporters> | undefined;
  const loaded = (): Promise<Exporters> => (loading ??= load());
  const exportWith = <T>(
    pick: (exporters: Exporters) => {
      export(items: T, done: (result: ExportResult) => void): void;
    },
    items: T,
    done: (result: ExportResult) => void,
  ): void => {
    loaded().then(
      (exporters) => pick(exporters).export(items, done),
      (error: unknown) =>
        done({
          code: ExportResultCode.FAILED,
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
  };
  // Nothing to flush or stop before the first export loaded the real exporters.
  const ifLoaded = async (work: (exporters: Exporters) => Promise<void>): Promise<void> => {
    if (loading !== undefined) await work(await loading);
  };
  return {
    traces: {
      export: (spans: ReadableSpan[], done) => exportWith((e) => e.traces, spans, done),
      forceFlush: () => ifLoaded(async (e) => e.traces.forceFlush?.()),
      shutdown: () => ifLoaded((e) => e.traces.shutdown()),
    },
    metrics: {
      export: (metrics: ResourceMetrics, done) => exportWith((e) => e.metrics, metrics, done),
      forceFlush: () => ifLoaded((e) => e.metrics.forceFlush()),
      shutdown: () => ifLoaded((e) => e.metrics.shutdown()),
    },
  };
}
