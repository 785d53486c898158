import { randomUUID } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import {
  DiagLogLevel,
  TraceFlags,
  context,
  diag,
  isSpanContextValid,
  metrics,
  propagation,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { detectResources, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
  type Sampler,
} from '@opentelemetry/sdk-trace';
import { loadHttpModules } from './instrumented-require.js';
import { traceServerRequests } from './server-spans.js';
import { EXPORT_TIMEOUT_MS, type OtlpExporters } from './otlp-exporters.js';
import type { LogFields } from '../logging/log-record.js';
import type { StructuredLogger } from './runtime-types.js';
import type { SamplerSettings } from './telemetry-settings.js';
import type { TelemetryExtensions } from './telemetry-extensions.js';

export interface SdkOptions {
  readonly serviceName: string;
  readonly serviceVersion: string;
  readonly exporters: OtlpExporters;
  readonly sampler: SamplerSettings;
  readonly metricIntervalMs: number;
  /** Extra resource attributes (`OTEL_RESOURCE_ATTRIBUTES`), under the runtime's own. */
  readonly resourceAttributes: Readonly<Record<string, string>>;
  /** Google Cloud project: adds `gcp.project_id` and the GCP resource detector. */
  readonly gcpProjectId: string | undefined;
  readonly extensions: TelemetryExtensions;
  readonly logger: StructuredLogger;
}

export interface Sdk {
  logFields(): LogFields;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/**
 * Registers the global tracer and meter providers, W3C propagation, the
 * async-local-storage context manager, the runtime's own server spans and the
 * instrumentations of outgoing HTTP (node:http and fetch). PostgreSQL and Redis
 * spans come from the clients the runtime creates (`client-spans.ts`). This
 * module holds every static SDK import so that none of it loads when
 * telemetry is off.
 */
export async function startSdk(options: SdkOptions): Promise<Sdk> {
  routeDiagnostics(options.logger);
  const resource = await buildResource(options);
  const tracerProvider = new TracerProvider({
    resource,
    sampler: buildSampler(options.sampler),
    spanProcessors: [
      new BatchSpanProcessor({ exporter: options.exporters.traces }),
      ...(options.extensions.spanProcessors ?? []),
    ],
  });
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: options.exporters.metrics,
        exportIntervalMillis: options.metricIntervalMs,
        exportTimeoutMillis: Math.min(EXPORT_TIMEOUT_MS, options.metricIntervalMs),
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  const unregister = registerInstrumentations({
    tracerProvider,
    meterProvider,
    instrumentations: [
      // Outgoing requests only: server spans come from traceServerRequests below.
      new HttpInstrumentation({ disableIncomingRequestInstrumentation: true }),
      // Outgoing fetch() (undici), which the HTTP instrumentation does not see.
      new UndiciInstrumentation(),
      ...(options.extensions.instrumentations ?? []),
    ],
  });
  // The HTTP instrumentation patches the CommonJS exports of node:http; this
  // makes ESM named imports (`import { request } from 'node:http'`) see it.
  const servers = loadHttpModules();
  syncBuiltinESMExports();
  const untraceServers = traceServerRequests(servers, {
    tracerProvider,
    meterProvider,
    // Platform probes and diagnostics (/-/healthz, /-/version) are not traced.
    ignore: (request) => request.url?.startsWith('/-/') === true,
  });

  // Export failures are logged, not thrown: losing telemetry must not fail
  // a shutdown (or a request that flushes).
  const settle = async (what: string, work: Promise<unknown>[]): Promise<void> => {
    for (const result of await Promise.allSettled(work)) {
      if (result.status === 'rejected') {
        const reason: unknown = result.reason;
        options.logger.warn(`telemetry ${what} failed`, {
          error: reason instanceof Error ? reason.message : String(reason),
        });
      }
    }
  };
  return {
    logFields: () => traceLogFields(options.gcpProjectId),
    forceFlush: () => settle('flush', [tracerProvider.forceFlush(), meterProvider.forceFlush()]),
    shutdown: async () => {
      unregister();
      untraceServers();
      await settle('shutdown', [tracerProvider.shutdown(), meterProvider.shutdown()]);
      trace.disable();
      metrics.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/**
 * The active span as log fields: Cloud Logging's correlation keys on Google
 * Cloud (so the log viewer links logs to traces), `trace_id`/`span_id`
 * otherwise.
 */
function traceLogFields(gcpProjectId: string | undefined): LogFields {
  const span = trace.getActiveSpan()?.spanContext();
  if (span === undefined || !isSpanContextValid(span)) return {};
  const sampled = (span.traceFlags & TraceFlags.SAMPLED) !== 0;
  if (gcpProjectId === undefined)
    return { trace_id: span.traceId, span_id: span.spanId, trace_sampled: sampled };
  return {
    'logging.googleapis.com/trace': `projects/${gcpProjectId}/traces/${span.traceId}`,
    'logging.googleapis.com/spanId': span.spanId,
    'logging.googleapis.com/trace_sampled': sampled,
  };
}

async function buildResource(options: SdkOptions): Promise<Resource> {
  const base = resourceFromAttributes({
    ...options.resourceAttributes,
    'service.name': options.serviceName,
    'service.version': options.serviceVersion,
    'service.instance.id': randomUUID(),
    ...(options.gcpProjectId === undefined ? {} : { 'gcp.project_id': options.gcpProjectId }),
  });
  if (options.gcpProjectId === undefined) return base;
  // Only on Google Cloud: the detector asks the metadata server.
  const { gcpDetector } = await import('@opentelemetry/resource-detector-gcp');
  return detectResources({ detectors: [gcpDetector] }).merge(base);
}

function buildSampler({ ratio, parentBased }: SamplerSettings): Sampler {
  const root =
    ratio >= 1
      ? new AlwaysOnSampler()
      : ratio <= 0
        ? new AlwaysOffSampler()
        : new TraceIdRatioBasedSampler(ratio);
  return parentBased ? new ParentBasedSampler({ root }) : root;
}

function routeDiagnostics(logger: StructuredLogger): void {
  const warn = (message: string, ...args: unknown[]): void =>
    logger.warn(
      `opentelemetry: ${message}`,
      args.length > 0 ? { details: args.map(String) } : undefined,
    );
  diag.setLogger(
    { error: warn, warn, info: () => undefined, debug: () => undefined, verbose: () => undefined },
    DiagLogLevel.WARN,
  );
}
