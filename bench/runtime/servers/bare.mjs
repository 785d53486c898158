// Baseline: a bare node:http server with a health endpoint and a tiny route.
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  if (request.url === '/-/mem') {
    globalThis.gc?.();
    response.end(String(process.memoryUsage().rss));
    return;
  }
  response.end(request.url === '/-/healthz' ? 'healthz: ok' : 'hello');
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close());
