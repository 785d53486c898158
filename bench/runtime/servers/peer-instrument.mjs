// The peer's instrumentation, loaded with `node --import` before the server
// as the OpenTelemetry and Sentry guides advise: `@sentry/node` for errors,
// then `NodeSDK` with every auto-instrumentation (the common way to
// instrument a Node.js service), exporting OTLP/protobuf traces and metrics
// to OTEL_EXPORTER_OTLP_ENDPOINT. The sampler comes from OTEL_TRACES_SAMPLER,
// which NodeSDK reads, as the runtime does.
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import * as Sentry from '@sentry/node';

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  environment: 'bench',
  release: 'bench@1',
});

const sdk = new NodeSDK({
  serviceName: 'bench',
  traceExporter: new OTLPTraceExporter(),
  metricReaders: [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter() })],
  instrumentations: [getNodeAutoInstrumentations()],
});
sdk.start();

process.once('SIGTERM', async () => {
  await Promise.all([sdk.shutdown(), Sentry.close(2000)]);
});
