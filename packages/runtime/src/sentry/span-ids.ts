import { trace } from '@opentelemetry/api';

/** The OpenTelemetry span active where something was captured. */
export interface SpanIds {
  readonly traceId: string;
  readonly spanId: string;
}

/** The span active now, to link an event to its trace (read when captured, not when sent). */
export function activeSpanIds(): SpanIds | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  return span === undefined ? undefined : { traceId: span.traceId, spanId: span.spanId };
}
