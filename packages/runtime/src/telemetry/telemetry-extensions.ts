import type { Instrumentation } from '@opentelemetry/instrumentation';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';

/**
 * What a service or job adds to the runtime's OpenTelemetry, as
 * `telemetry` on its definition. Spans and metrics made with the plain
 * `@opentelemetry/api` (`trace.getTracer(...)`, `metrics.getMeter(...)`) need
 * nothing: the runtime's providers are the global ones, so they are exported
 * with its resource (`service.name`, `service.version`, ...).
 */
export interface TelemetryExtensions {
  /**
   * More instrumentations, such as `new ExpressInstrumentation()` from
   * `@opentelemetry/instrumentation-express`: registered with the runtime's
   * tracer and meter providers when telemetry starts. Like any
   * OpenTelemetry instrumentation, one patches a module as it is first
   * `require`d after that, so load the module it instruments afterwards (in
   * `initialize`, or with a bundle that keeps it external). Unused when
   * telemetry is off.
   */
  readonly instrumentations?: readonly Instrumentation[];
  /**
   * More span processors, run after the runtime's batch exporter on every
   * span (to add attributes on start, or export elsewhere too). They are
   * flushed and shut down with the runtime's.
   */
  readonly spanProcessors?: readonly SpanProcessor[];
}
