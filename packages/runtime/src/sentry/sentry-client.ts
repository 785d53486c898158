import { hostname } from 'node:os';
import {
  Scope,
  createStackParser,
  dedupeIntegration,
  linkedErrorsIntegration,
  setCurrentClient,
  type CheckIn,
  type Event,
  type EventHint,
  type MonitorConfig,
} from '@sentry/core';
import { ServerRuntimeClient, nodeStackLineParser } from '@sentry/core/server';
import type { LogFields } from '../logging/log-record.js';
import { MAX_BREADCRUMBS, type BreadcrumbTrail, type TrailBreadcrumb } from './breadcrumbs.js';
import { contextLinesProcessor } from './context-lines.js';
import { fetchTransport } from './fetch-transport.js';
import { activeSpanIds, type SpanIds } from './span-ids.js';

export interface SentryClientOptions {
  readonly dsn: string;
  readonly environment: string;
  readonly serviceName: string;
  readonly serviceVersion: string;
  /** Breadcrumbs recorded since start-up, added to each event of their trace. */
  readonly breadcrumbs?: BreadcrumbTrail;
}

/**
 * What the reporter needs from a running Sentry client. `span` and
 * `breadcrumbs` are read where the record was captured, which may be before
 * the client loaded.
 */
export interface SentryClient {
  captureError(
    error: Error,
    extra: LogFields,
    span: SpanIds | undefined,
    breadcrumbs?: readonly TrailBreadcrumb[],
  ): void;
  captureMessage(
    message: string,
    extra: LogFields,
    span: SpanIds | undefined,
    breadcrumbs?: readonly TrailBreadcrumb[],
  ): void;
  /** An uncaught exception or unhandled rejection (`handled: false`). */
  captureUncaught(
    error: unknown,
    kind: 'uncaughtException' | 'unhandledRejection',
    span: SpanIds | undefined,
    breadcrumbs?: readonly TrailBreadcrumb[],
  ): void;
  /** Sends a check-in; returns its ID. */
  captureCheckIn(checkIn: CheckIn, config: MonitorConfig): string;
  flush(timeoutMs: number): Promise<boolean>;
  close(timeoutMs: number): Promise<boolean>;
}

/**
 * A client built on `@sentry/core`'s server client rather than `@sentry/node`
 * (which loads its own OpenTelemetry and many integrations): a fetch
 * transport, Node stack traces with source context (read when an event is
 * sent), breadcrumbs of the event's trace, linked `cause`s and
 * deduplication. The
 * process hooks live in `process-hooks.ts`. It becomes Sentry's current
 * client, so the Sentry API a service calls itself reports through it.
 */
export function createSentryClient(options: SentryClientOptions): SentryClient {
  const client = new ServerRuntimeClient({
    dsn: options.dsn,
    environment: options.environment,
    release: `${options.serviceName}@${options.serviceVersion}`,
    platform: 'node',
    runtime: { name: 'node', version: process.version },
    serverName: hostname(),
    transport: fetchTransport,
    stackParser: createStackParser(nodeStackLineParser()),
    integrations: [linkedErrorsIntegration(), dedupeIntegration()],
  });
  const scope = new Scope();
  scope.setClient(client);
  scope.setTags({
    'resource.service.name': options.serviceName,
    'resource.service.version': options.serviceVersion,
  });
  // The service's own `Sentry.captureException()` (from `@sentry/node` or
  // `@sentry/core` of the same version, which share Sentry's global carrier)
  // goes to the current scope's client: this one. It gets the trace active
  // where it was captured, as the runtime's own captures do.
  setCurrentClient(client);
  client.addEventProcessor((event: Event): Event => {
    if (event.contexts?.trace !== undefined) return event;
    const span = activeSpanIds();
    if (span === undefined) return event;
    return {
      ...event,
      contexts: { ...event.contexts, trace: { trace_id: span.traceId, span_id: span.spanId } },
    };
  });
  const trail = options.breadcrumbs;
  if (trail !== undefined) {
    // Runs when the event is captured (before any asynchronous processor), so
    // later breadcrumbs do not slip in.
    client.addEventProcessor((event: Event, hint: EventHint): Event => {
      if ((hint.data as { breadcrumbsTaken?: boolean } | undefined)?.breadcrumbsTaken) return event;
      const traceId = event.contexts?.trace?.trace_id;
      const recorded = trail.forTrace(typeof traceId === 'string' ? traceId : undefined);
      if (recorded.length === 0) return event;
      const breadcrumbs = [
        ...(event.breadcrumbs ?? []),
        ...recorded.map(({ traceId: _trace, ...crumb }) => crumb),
      ]
        .sort((a, b) => (a.timestamp ?? 0) - (b.timestamp ?? 0))
        .slice(-MAX_BREADCRUMBS);
      return { ...event, breadcrumbs };
    });
  }
  client.addEventProcessor(contextLinesProcessor());
  client.init();

  /** A scope for one event: its extra data and the trace it happened in. */
  const eventScope = (
    extra: LogFields,
    span: SpanIds | undefined,
    breadcrumbs: readonly TrailBreadcrumb[] | undefined,
  ): Scope => {
    const forked = scope.clone();
    forked.setExtras(extra);
    for (const { traceId: _trace, ...crumb } of breadcrumbs ?? [])
      forked.addBreadcrumb(crumb, MAX_BREADCRUMBS);
    if (span !== undefined)
      forked.setContext('trace', { trace_id: span.traceId, span_id: span.spanId });
    return forked;
  };

  return {
    captureError(error, extra, span, breadcrumbs) {
      eventScope(extra, span, breadcrumbs).captureException(error, taken(breadcrumbs));
    },
    captureMessage(message, extra, span, breadcrumbs) {
      eventScope(extra, span, breadcrumbs).captureMessage(message, 'error', taken(breadcrumbs));
    },
    captureUncaught(error, kind, span, breadcrumbs) {
      const fatal = kind === 'uncaughtException';
      const forked = eventScope({}, span, breadcrumbs);
      forked.setLevel(fatal ? 'fatal' : 'error');
      forked.captureException(error, {
        originalException: error,
        mechanism: { type: `auto.node.on${kind.toLowerCase()}`, handled: false },
        ...taken(breadcrumbs),
      });
    },
    captureCheckIn: (checkIn, config) => client.captureCheckIn(checkIn, config, scope),
    flush: async (timeoutMs) => client.flush(timeoutMs),
    close: async (timeoutMs) => client.close(timeoutMs),
  };
}

/** The hint telling the breadcrumb processor that the capture brought its own. */
function taken(breadcrumbs: readonly TrailBreadcrumb[] | undefined): EventHint {
  return breadcrumbs === undefined ? {} : { data: { breadcrumbsTaken: true } };
}
