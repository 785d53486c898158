import { context, createContextKey, trace } from '@opentelemetry/api';

/** Where the runtime's server span keeps the route of the request it traces. */
export interface RouteHolder {
  /** The HTTP method as the span names it (`GET`, or `_OTHER`). */
  readonly method: string;
  route: string | undefined;
}

/** The context key under which a server span's {@link RouteHolder} is active. */
export const ROUTE_KEY = createContextKey('msp.http.route');

/**
 * Tells the runtime which route template (`/items/:id`, not `/items/42`)
 * serves the current request. The request's SERVER span is then named
 * `<method> <route>` and gets `http.route`, as are its
 * `http.server.request.duration` metric points (the OpenTelemetry HTTP
 * semantic conventions); without it the span is named after the method
 * alone. Call it from the router, once the route is matched (in Express:
 * `setHttpRoute(req.route.path)` in a handler or middleware). Outside a traced
 * request, or with telemetry off, it does nothing.
 */
export function setHttpRoute(route: string): void {
  const holder = context.active().getValue(ROUTE_KEY) as RouteHolder | undefined;
  if (holder === undefined) return;
  holder.route = route;
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return;
  span.updateName(`${holder.method} ${route}`);
  span.setAttribute('http.route', route);
}
