import { hostname } from 'node:os';
import {
  Scope,
  createStackParser,
  dedupeIntegration,
  linkedErrorsIntegration,
  setCurrentClient,
  type CheckIn,
  type Event,
  type MonitorConfig,
} from '@sentry/core';
import { ServerRuntimeClient, nodeStackLineParser } from '@sentry/core/server';
import type { LogFields } from '../logging/log-record.js';
import { fetchTransport } from './fetch-transport.js';
import { activeSpanIds, type SpanIds } from './span-ids.js';

export interface SentryClientOptions {
  readonly dsn: string;
  readonly environment: string;
  readonly serviceName: string;
  readonly serviceVersion: string;
}

/** What the reporter needs from a running Sentry client. */
export interface SentryClient {
  captureError(error: Error, extra: LogFields, span: SpanIds | undefined): void;
  captureMessage(message: string, extra: LogFields, span: SpanIds | undefined): void;
  /** An uncaught exception or unhandled rejection (`handled: false`). */
  captureUncaught(
    error: unknown,
    kind: 'uncaughtException' | 'unhandledRejection',
    span: SpanIds | undefined,
  ): void;
  /** Sends a check-in; returns its ID. */
  captureCheckIn(checkIn: CheckIn, config: MonitorConfig): string;
  flush(timeoutMs: number): Promise<boolean>;
  close(timeoutMs: number): Promise<boolean>;
}

/**
 * A client built on `@sentry/core`'s server client rather than `@sentry/node`
 * (which loads its own OpenTelemetry and many integrations): a fetch
 * transport, Node stack traces, linked `cause`s and deduplication. The
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
  client.init();

  /** A scope for one event: its extra data and the trace it happened in. */
  const eventScope = (extra: LogFields, span: SpanIds | undefined): Scope => {
    const forked = scope.clone();
    forked.setExtras(extra);
    if (span !== undefined) {
      forked.addEventProcessor((event: Event): Event => ({
        ...event,
        contexts: { ...event.contexts, trace: { trace_id: span.traceId, span_id: span.spanId } },
      }));
    }
    return forked;
  };

  return {
    captureError(error, extra, span) {
      eventScope(extra, span).captureException(error);
    },
    captureMessage(message, extra, span) {
      eventScope(extra, span).captureMessage(message, 'error');
    },
    captureUncaught(error, kind, span) {
      const fatal = kind === 'uncaughtException';
      const forked = eventScope({}, span);
      forked.setLevel(fatal ? 'fatal' : 'error');
      forked.captureException(error, {
        originalException: error,
        mechanism: { type: `auto.node.on${kind.toLowerCase()}`, handled: false },
      });
    },
    captureCheckIn: (checkIn, config) => client.captureCheckIn(checkIn, config, scope),
    flush: async (timeoutMs) => client.flush(timeoutMs),
    close: async (timeoutMs) => client.close(timeoutMs),
  };
}
