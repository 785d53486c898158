import { context, isSpanContextValid, trace, TraceFlags } from '@opentelemetry/api';
import type { TraceContext } from './log-record.js';

/**
 * The span active in the current OpenTelemetry context. Without an SDK (or a
 * context manager) the API is a no-op and there is none.
 */
export function activeTraceContext(): TraceContext | undefined {
  const span = trace.getSpanContext(context.active());
  if (span === undefined || !isSpanContextValid(span)) return undefined;
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    sampled: (span.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED,
  };
}
