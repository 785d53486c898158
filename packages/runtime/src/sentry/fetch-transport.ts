import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import {
  createTransport,
  type BaseTransportOptions,
  type Transport,
  type TransportMakeRequestResponse,
} from '@sentry/core';

/** Bound on one envelope upload. */
const UPLOAD_TIMEOUT_MS = 5_000;

/**
 * Sentry's transport over `fetch()`: POSTs each envelope to the DSN's
 * envelope endpoint. Uploads run with tracing suppressed, so reporting an
 * error never adds a client span to the service's traces.
 */
export function fetchTransport(options: BaseTransportOptions): Transport {
  return createTransport(options, async (request): Promise<TransportMakeRequestResponse> => {
    const response = await context.with(suppressTracing(context.active()), () =>
      fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-sentry-envelope' },
        body: typeof request.body === 'string' ? request.body : Buffer.from(request.body),
        signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
      }),
    );
    await response.arrayBuffer();
    return {
      statusCode: response.status,
      headers: {
        'retry-after': response.headers.get('retry-after'),
        'x-sentry-rate-limits': response.headers.get('x-sentry-rate-limits'),
      },
    };
  });
}
