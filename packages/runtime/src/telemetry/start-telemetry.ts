import { gcpAuthHeaders, type HeadersFactory } from './gcp-auth-headers.js';
import type { LogFields } from '../logging/log-record.js';
import type { RuntimeEnv, StructuredLogger } from './runtime-types.js';
import type { TelemetryExtensions } from './telemetry-extensions.js';
import { GCP_TELEMETRY_ENDPOINT, telemetrySettings } from './telemetry-settings.js';

export interface TelemetryOptions {
  readonly env: RuntimeEnv;
  readonly serviceName: string;
  readonly serviceVersion: string;
  readonly logger: StructuredLogger;
  /** Instrumentations and span processors to add. */
  readonly extensions?: TelemetryExtensions;
  /** Overrides for tests: the Telemetry API endpoint and its auth headers. */
  readonly gcp?: { readonly endpoint?: string; readonly authHeaders?: HeadersFactory };
}

export interface Telemetry {
  /** False when nothing is exported (local default, or OTEL_SDK_DISABLED). */
  readonly enabled: boolean;
  /**
   * Fields tying a log record to the active span, for the log sink to add:
   * `logging.googleapis.com/trace`, `…/spanId` and `…/trace_sampled` on Google
   * Cloud, `trace_id`, `span_id` and `trace_sampled` otherwise; empty outside a span.
   */
  logFields(): LogFields;
  /** Exports everything buffered so far. */
  forceFlush(): Promise<void>;
  /** Flushes, then stops exporting and unregisters the instrumentations. */
  shutdown(): Promise<void>;
}

const DISABLED: Telemetry = {
  enabled: false,
  logFields: () => ({}),
  forceFlush: async () => {},
  shutdown: async () => {},
};

/**
 * Starts OpenTelemetry traces and metrics (see {@link telemetrySettings} for
 * what the environment selects). Call it before the service module and
 * before anything loads `pg`, `ioredis` or `node:http` through `require`:
 * instrumentations patch modules as they are first required.
 * When telemetry is off, no SDK module is loaded at all.
 * @throws IntegrationConfigError when OTEL_* or the project are invalid.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry> {
  const { env, logger } = options;
  const settings = telemetrySettings(env);
  const { destination } = settings;
  if (destination.kind === 'none') {
    logger.debug('telemetry export off', { reason: destination.reason });
    return DISABLED;
  }
  const { otlpExporters } = await import('./otlp-exporters.js');
  const exporters =
    destination.kind === 'gcp'
      ? otlpExporters(
          options.gcp?.endpoint ?? GCP_TELEMETRY_ENDPOINT,
          'http/protobuf',
          options.gcp?.authHeaders ?? (await gcpAuthHeaders(logger)),
        )
      : otlpExporters(destination.endpoint, destination.protocol, undefined);
  const { startSdk } = await import('./telemetry-sdk.js');
  const sdk = await startSdk({
    serviceName: options.serviceName,
    serviceVersion: options.serviceVersion,
    exporters,
    sampler: settings.sampler,
    metricIntervalMs: settings.metricIntervalMs,
    resourceAttributes: settings.resourceAttributes,
    gcpProjectId: destination.kind === 'gcp' ? destination.projectId : undefined,
    extensions: options.extensions ?? {},
    logger,
  });
  logger.debug('telemetry started', { destination: destination.kind });
  return {
    enabled: true,
    logFields: sdk.logFields,
    forceFlush: sdk.forceFlush,
    shutdown: sdk.shutdown,
  };
}
