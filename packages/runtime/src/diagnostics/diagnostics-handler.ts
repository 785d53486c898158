import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEALTHZ_PATH, VERSION_PATH } from '@msp/spec/contract';
import type { HealthCheck } from '../lifecycle.js';
import type { Logger } from '../logging/logger.js';
import { authorizeDiagnostics } from './authorize.js';
import { runHealthChecks } from './run-health-checks.js';

export interface DiagnosticsOptions {
  readonly version: string;
  /** `DIAGNOSTICS_SECRET`; without it the endpoints are open. */
  readonly secret: string | undefined;
  /** `MSP`: in a real environment, check details stay hidden when no secret guards them. */
  readonly msp: boolean;
  readonly healthChecks: () => readonly HealthCheck[];
  /** True once shutdown has started: health then reports 503. */
  readonly isShuttingDown: () => boolean;
  readonly logger: Logger;
}

/** Handles a request if it is for a diagnostics path; returns whether it did. */
export type DiagnosticsHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void =>
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);

/**
 * `/-/version` (open) and `/-/healthz` (guarded by `DIAGNOSTICS_SECRET`):
 * 200 when every registered health check passes, 503 when one fails or
 * shutdown has started. Per-check details go only to callers that presented
 * the secret, or to anyone locally when no secret is configured.
 */
export function createDiagnosticsHandler(options: DiagnosticsOptions): DiagnosticsHandler {
  const showDetails = options.secret !== undefined || !options.msp;

  const healthz = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const auth = authorizeDiagnostics(req.headers.authorization, options.secret);
    if (!auth.ok) return send(res, auth.status, 'text/plain; charset=utf-8', `${auth.message}\n`);
    if (options.isShuttingDown()) return sendJson(res, 503, { status: 'shutting down' });
    const report = await runHealthChecks(options.healthChecks());
    if (!report.healthy) {
      const failed = report.checks.filter((check) => !check.ok);
      options.logger.warn('health check failed', { checks: failed });
    }
    const status = report.healthy ? 'ok' : 'unhealthy';
    sendJson(
      res,
      report.healthy ? 200 : 503,
      showDetails ? { status, checks: report.checks } : { status },
    );
  };

  return (req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path !== HEALTHZ_PATH && path !== VERSION_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    } else if (path === VERSION_PATH) {
      send(res, 200, 'text/plain; charset=utf-8', `${options.version}\n`);
    } else {
      healthz(req, res).catch((error: unknown) => {
        options.logger.error('health endpoint failed', { error });
        if (!res.headersSent) sendJson(res, 500, { status: 'error' });
        else res.destroy();
      });
    }
    return true;
  };
}
