// Accepts OTLP exports and Sentry envelopes with an empty 200 (valid for
// both), in its own process so the load generator never slows it down.
import { createServer } from 'node:http';

const server = createServer((request, response) =>
  request.resume().on('end', () => response.end()),
);
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.once('SIGTERM', () => server.close());
