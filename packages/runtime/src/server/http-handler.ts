import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A plain `node:http` request listener. An Express app is one as it is; for
 * Fastify, pass `(req, res) => app.routing(req, res)` after `await app.ready()`.
 */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
