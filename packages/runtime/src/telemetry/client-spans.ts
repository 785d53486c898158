import {
  SpanKind,
  SpanStatusCode,
  context,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';

/*
 * CLIENT spans for the data clients the runtime creates (`pg` pools, the
 * ioredis client). The runtime owns those clients, so it traces them by
 * wrapping their query methods instead of patching the driver modules as they
 * load: no require hooks (the drivers can be imported or bundled), no
 * per-operation metrics, and nothing at all for an operation outside a
 * recorded span. Uses the global tracer, which is a no-op until
 * `startTelemetry()` registers the SDK.
 */

/**
 * A CLIENT span under the active span, or undefined when the active span is
 * missing or not recorded (telemetry off, an unsampled request, work outside
 * a request): a child of an unrecorded parent would not be recorded either.
 * `describe` runs only when there is a span to describe.
 */
export function startClientSpan(
  describe: () => { readonly name: string; readonly attributes: Attributes },
): Span | undefined {
  const parent = trace.getSpan(context.active());
  if (parent === undefined || !parent.isRecording()) return undefined;
  const { name, attributes } = describe();
  // Looked up per span (a map lookup in the SDK): a tracer kept from before a
  // provider was registered, or from a provider since replaced, would not export.
  return trace.getTracer('@msp/runtime').startSpan(name, { kind: SpanKind.CLIENT, attributes });
}

/** Ends `span`, marking it failed with `error` (its SQLSTATE or error code, else its name, as `error.type`). */
export function endClientSpan(span: Span, error?: unknown): void {
  if (error !== undefined && error !== null) {
    const failure = error instanceof Error ? error : new Error(String(error));
    const code = (failure as { code?: unknown }).code;
    span.recordException(failure);
    span.setAttribute('error.type', typeof code === 'string' ? code : failure.name);
    span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
  }
  span.end();
}
