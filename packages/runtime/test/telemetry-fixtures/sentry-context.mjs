// A service reporting an error inside a request: the event must carry the
// failing line with its source context, the breadcrumbs of that request (and
// not those of another one), release and environment.
import { get, createServer } from 'node:http';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { startSentry } from '../../src/sentry/start-sentry.js';

context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new TracerProvider());
const upstream = createServer((request, response) =>
  response.writeHead(request.url.startsWith('/missing') ? 404 : 200).end('ok'),
);
await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${upstream.address().port}`;
const logger = { debug() {}, info() {}, warn: console.error, error: console.error };
const reporter = await startSentry({
  env: process.env,
  serviceName: 'context-user',
  serviceVersion: '0.2.0',
  logger,
});
const tracer = trace.getTracer('fixture');

await tracer.startActiveSpan('another request', async (span) => {
  await (await fetch(`${base}/another`)).text();
  span.end();
});
await tracer.startActiveSpan('request', async (span) => {
  await (await fetch(`${base}/items?token=secret`)).text();
  await new Promise((resolve) =>
    get(`${base}/missing`, (response) => response.resume().on('end', resolve)),
  );
  reporter.captureLogRecord({ level: 'warn', message: 'cache is cold' });
  try {
    failDeepInside();
  } catch (error) {
    reporter.captureLogRecord({ level: 'error', message: 'request failed', fields: { error } });
  }
  span.end();
});
await reporter.close();
upstream.close();
console.log('done');

function failDeepInside() {
  throw new RangeError('the line Sentry must show'); // the context line
}
