import { context, type Attributes } from '@opentelemetry/api';
import type PgModule from 'pg';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { addBreadcrumb } from '../sentry/breadcrumbs.js';
import { endClientSpan, startClientSpan } from '../telemetry/client-spans.js';

/** Where a pool connects, for span attributes. */
export interface PgSpanTarget {
  readonly database: string;
  /** Host and port; absent for the Cloud SQL connector (its own socket). */
  readonly host?: string;
  readonly port?: number;
}

/** Longer query texts are cut to this many characters in `db.query.text`. */
export const MAX_QUERY_TEXT = 2048;

type Query = PgModule.Client['query'];
type ConnectCallback = (error: Error | undefined, client: PoolClient, done: () => void) => void;

/**
 * A `pg.Pool` whose queries are CLIENT spans under the active span, named
 * `<operation> <database>` (`SELECT orders`) with the OpenTelemetry database
 * attributes (`db.system.name`, `db.namespace`, `db.operation.name`,
 * `db.query.text`, `server.address`, `server.port`; `error.type` with the
 * SQLSTATE on failure). Queries outside a recorded span cost one check.
 * With Sentry on, each query is also a breadcrumb (its text, cut short).
 * `pool.connect(callback)` runs its callback in the caller's context, also
 * when the pool was exhausted and another request's release hands the client
 * over, so `pool.query()` spans always have the right parent.
 */
export function tracedPool(pg: typeof PgModule, config: PoolConfig, target: PgSpanTarget): Pool {
  const base: Attributes = {
    'db.system.name': 'postgresql',
    'db.namespace': target.database,
    ...(target.host === undefined ? {} : { 'server.address': target.host }),
    ...(target.port === undefined ? {} : { 'server.port': target.port }),
  };
  const query = pg.Client.prototype.query;
  class TracedClient extends pg.Client {}
  TracedClient.prototype.query = function tracedQuery(
    this: PgModule.Client,
    ...args: unknown[]
  ): unknown {
    addBreadcrumb(() => ({
      category: 'db.query',
      type: 'query',
      message: queryText(args[0]) ?? '(query)',
      data: { 'db.system.name': 'postgresql', 'db.namespace': target.database },
    }));
    const span = startClientSpan(() => describeQuery(args[0], target.database, base));
    if (span === undefined) return query.apply(this, args as Parameters<Query>);
    return traceQuery(
      args,
      (...traced) => query.apply(this, traced as Parameters<Query>),
      (error) => endClientSpan(span, error),
    );
  } as Query;

  const pool = new pg.Pool({ ...config, Client: TracedClient });
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => unknown;
  pool.connect = ((callback?: ConnectCallback) =>
    connect(
      callback === undefined ? undefined : context.bind(context.active(), callback),
    )) as Pool['connect'];
  return pool;
}

/**
 * Runs `client.query(...args)` and calls `end` once it settles, whichever of
 * pg's three forms it is: a submittable (a `Query` or cursor, an event
 * emitter), a callback, or a promise.
 */
function traceQuery(
  args: unknown[],
  run: (...a: unknown[]) => unknown,
  end: (error?: unknown) => void,
): unknown {
  const [first] = args;
  if (isSubmittable(first)) {
    let ended = false;
    const endOnce = (error?: unknown): void => {
      if (!ended) end(error);
      ended = true;
    };
    first.once('end', () => endOnce());
    first.once('error', (error: unknown) => endOnce(error));
    return run(...args);
  }
  const callbackAt = args.findIndex((arg) => typeof arg === 'function');
  if (callbackAt > 0) {
    const callback = args[callbackAt] as (error: unknown, result: unknown) => void;
    const traced = [...args];
    traced[callbackAt] = (error: unknown, result: unknown) => {
      end(error ?? undefined);
      callback(error, result);
    };
    return run(...traced);
  }
  const result = run(...args) as Promise<unknown>;
  result.then(
    () => end(),
    (error: unknown) => end(error),
  );
  return result;
}

interface Submittable {
  submit: unknown;
  once(event: string, listener: (...a: unknown[]) => void): unknown;
}

function isSubmittable(value: unknown): value is Submittable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<Submittable>).submit === 'function' &&
    typeof (value as Partial<Submittable>).once === 'function'
  );
}

/** The span of a query: `<operation> <database>` and the database attributes. */
function describeQuery(
  config: unknown,
  database: string,
  base: Attributes,
): { name: string; attributes: Attributes } {
  const text = queryText(config);
  const operation = text === undefined ? undefined : operationName(text);
  return {
    name: operation === undefined ? database : `${operation} ${database}`,
    attributes: {
      ...base,
      ...(operation === undefined ? {} : { 'db.operation.name': operation }),
      ...(text === undefined ? {} : { 'db.query.text': text.slice(0, MAX_QUERY_TEXT) }),
    },
  };
}

function queryText(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  const text = (config as { text?: unknown } | null | undefined)?.text;
  return typeof text === 'string' ? text : undefined;
}

/** The statement's first keyword, upper-cased (`SELECT`, `WITH`, `BEGIN`), if it starts with one. */
export function operationName(text: string): string | undefined {
  return /^\s*([A-Za-z]+)/.exec(text)?.[1]?.toUpperCase();
}
