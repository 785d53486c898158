import type { ConfigOf } from '@msp/runtime';
import { sendJson } from '../http/json.js';
import type { Route } from '../http/router.js';
import type { greetingConfig } from './config.js';

/** GET /: the configured greeting, the public URL and where items are kept. */
export function greetingRoute(
  config: ConfigOf<typeof greetingConfig>,
  details: { readonly environment: string; readonly storage: string; readonly cache: string },
): Route {
  return {
    method: 'GET',
    path: '/',
    handle: (_req, res) =>
      sendJson(res, 200, {
        message: config.greeting,
        publicUrl: config.publicUrl ?? null,
        ...details,
      }),
  };
}
