import { context, createContextKey, trace } from '@opentelemetry/api';

/**
 * Breadcrumbs: what happened before an error (outgoing HTTP requests,
 * PostgreSQL queries, Redis commands, log lines at warn and above). They are
 * kept here, in a bounded ring, from the moment Sentry starts, without
 * loading Sentry: its client loads later (see `deferred-client.ts`) and adds
 * them to each event when it is sent. Each one remembers the trace it
 * happened in, so an event from a request carries that request's
 * breadcrumbs, not those of the requests running beside it. Recording is a
 * no-op until {@link startBreadcrumbs} is called (Sentry off costs one check).
 */

/** A breadcrumb as Sentry's event format has it, plus the trace it belongs to. */
export interface TrailBreadcrumb {
  /** Seconds since the epoch. */
  readonly timestamp: number;
  readonly category: string;
  readonly type?: 'default' | 'http' | 'query';
  readonly level?: 'warning' | 'error';
  readonly message?: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** The trace active when it was recorded, if any. */
  readonly traceId?: string;
}

/** Breadcrumbs kept (the most recent ones), as `@sentry/node`'s default `maxBreadcrumbs`. */
export const MAX_BREADCRUMBS = 100;
/** Longer messages (query texts) are cut to this many characters. */
export const MAX_BREADCRUMB_MESSAGE = 300;

export interface BreadcrumbTrail {
  /** Adds `crumb`, in trace `traceId` (default: the active trace). */
  add(crumb: Omit<TrailBreadcrumb, 'timestamp' | 'traceId'>, traceId?: string): void;
  /** The breadcrumbs of trace `traceId` and those outside any trace (all of them without one), oldest first. */
  forTrace(traceId: string | undefined): TrailBreadcrumb[];
}

/** A ring of at most `capacity` breadcrumbs. */
export function breadcrumbTrail(capacity = MAX_BREADCRUMBS): BreadcrumbTrail {
  const ring: (TrailBreadcrumb | undefined)[] = new Array<undefined>(capacity);
  let next = 0;
  return {
    add(crumb, traceId = activeTraceId()) {
      const message = crumb.message;
      ring[next] = {
        ...crumb,
        ...(message !== undefined && message.length > MAX_BREADCRUMB_MESSAGE
          ? { message: `${message.slice(0, MAX_BREADCRUMB_MESSAGE)}…` }
          : {}),
        timestamp: Date.now() / 1_000,
        ...(traceId === undefined ? {} : { traceId }),
      };
      next = (next + 1) % capacity;
    },
    forTrace(traceId) {
      const ordered = [...ring.slice(next), ...ring.slice(0, next)];
      return ordered.filter(
        (crumb): crumb is TrailBreadcrumb =>
          crumb !== undefined &&
          (traceId === undefined || crumb.traceId === undefined || crumb.traceId === traceId),
      );
    },
  };
}

/** The active trace's ID, for a breadcrumb added later (when a response arrives). */
export function activeTraceId(): string | undefined {
  return trace.getActiveSpan()?.spanContext().traceId;
}

/**
 * The context key `suppressTracing()` of `@opentelemetry/core` sets (the API
 * makes keys with `Symbol.for`, so this is the same key). Reading it here keeps
 * `@opentelemetry/core` unloaded in services that record breadcrumbs without
 * telemetry; a test checks the two agree.
 */
const SUPPRESS_TRACING_KEY = createContextKey('OpenTelemetry SDK Context Key SUPPRESS_TRACING');

/** Whether the active context suppresses tracing (as `isTracingSuppressed` of `@opentelemetry/core`). */
export function tracingSuppressed(): boolean {
  return context.active().getValue(SUPPRESS_TRACING_KEY) === true;
}

let active: BreadcrumbTrail | undefined;

/** The trail recording now, if Sentry is on and tracing is not suppressed here. */
export function recordingTrail(): BreadcrumbTrail | undefined {
  return active === undefined || tracingSuppressed() ? undefined : active;
}

/** Starts recording breadcrumbs (once; later calls return the same trail). */
export function startBreadcrumbs(): BreadcrumbTrail {
  active ??= breadcrumbTrail();
  return active;
}

/** Stops recording (for tests and `close()`). */
export function stopBreadcrumbs(): void {
  active = undefined;
}

/**
 * Records a breadcrumb if Sentry is on; `describe` runs only then. Work done
 * with tracing suppressed (the exporters' and Sentry's own uploads) leaves
 * none.
 */
export function addBreadcrumb(
  describe: () => Omit<TrailBreadcrumb, 'timestamp' | 'traceId'>,
): void {
  recordingTrail()?.add(describe());
}
