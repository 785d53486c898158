import { SpanKind, SpanStatusCode, context, trace, type Span } from '@opentelemetry/api';
import type { JobCompletion } from './job-reporter.js';

/**
 * The root span of one job execution, named after the job: its data calls
 * (PostgreSQL queries, Redis commands, outgoing HTTP) are its children, so an
 * execution is one trace. Without telemetry the API's no-op tracer makes this
 * free.
 */
export interface JobSpan {
  /** Runs `work` with the span active. */
  run<T>(work: () => T): T;
  /** Records the execution ID (known only once the span exists: locally it is the trace ID). */
  setExecutionId(executionId: string): void;
  /** Ends the span with the outcome; failures set an error status and record the exception. */
  end(completion: JobCompletion): void;
}

export function startJobSpan(job: { readonly name: string; readonly version: string }): JobSpan {
  const span: Span = trace.getTracer('msp-runtime-job').startSpan(job.name, {
    kind: SpanKind.INTERNAL,
    root: true,
    attributes: { 'job.name': job.name },
  });
  const active = trace.setSpan(context.active(), span);
  return {
    run: (work) => context.with(active, work),
    setExecutionId: (executionId) => span.setAttribute('msp.job.execution_id', executionId),
    end(completion) {
      span.setAttribute('msp.job.outcome', completion.outcome);
      if (completion.outcome !== 'succeeded') {
        if (completion.error !== undefined) span.recordException(completion.error);
        span.setStatus({
          code: SpanStatusCode.ERROR,
          ...(completion.error === undefined ? {} : { message: completion.error.message }),
        });
      }
      span.end();
    },
  };
}
