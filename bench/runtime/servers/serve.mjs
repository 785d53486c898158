// The HTTP surface both benchmark servers share: `/hello` (trivial), `/work`
// (the server's `work()`), `/-/healthz` (its `healthy()`), and `/-/cpu` and
// `/-/mem`, which the harness reads.
import { createServer } from 'node:http';

export function serve({ healthy, work }) {
  const server = createServer(async (request, response) => {
    switch (request.url) {
      case '/-/cpu':
        response.end(JSON.stringify(process.cpuUsage()));
        return;
      case '/-/mem':
        globalThis.gc?.();
        response.end(String(process.memoryUsage().rss));
        return;
      case '/-/healthz':
        await healthy();
        response.end('healthz: ok');
        return;
      case '/work':
        response.end(await work());
        return;
      default:
        response.end('hello');
    }
  });
  server.listen(Number(process.env.PORT), '127.0.0.1');
  return server;
}
