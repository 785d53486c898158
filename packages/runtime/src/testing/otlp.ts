/**
 * `@msp/runtime/testing/otlp`: a local OTLP/HTTP endpoint for a service's tests, and the
 * spans of the OTLP/JSON trace exports it received. Point `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (with `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`) at `endpoint`. It imports only `node:http`,
 * so a CommonJS test runner can load it without the rest of the runtime.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';

export interface OtlpRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A local OTLP/HTTP endpoint that records every export it receives. */
export interface OtlpReceiver {
  readonly endpoint: string;
  readonly requests: OtlpRequest[];
  /** Bodies of JSON exports to `/v1/<signal>`, parsed. */
  json(signal: 'traces' | 'metrics'): unknown[];
  close(): Promise<void>;
}

export async function otlpReceiver(): Promise<OtlpReceiver> {
  const requests: OtlpRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      const json = request.headers['content-type'] === 'application/json';
      response.writeHead(200, {
        'content-type': json ? 'application/json' : 'application/x-protobuf',
      });
      response.end(json ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('receiver has no port');
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    requests,
    json: (signal) =>
      requests
        .filter((r) => r.path === `/v1/${signal}`)
        .map((r) => JSON.parse(r.body.toString('utf8')) as unknown),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The fields of an OTLP/JSON span the tests look at. */
export interface OtlpSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: OtlpAttribute[];
}
export interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string };
}
export interface TraceExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

/** OTLP span kinds. */
export const SPAN_KIND = { SERVER: 2, CLIENT: 3 } as const;

/** Every span of the JSON trace exports `receiver` got. */
export function receivedSpans(receiver: OtlpReceiver): OtlpSpan[] {
  return (receiver.json('traces') as TraceExport[]).flatMap((e) =>
    e.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)),
  );
}
