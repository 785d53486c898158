import { createRequire } from 'node:module';
import type * as HttpModule from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type * as HttpsModule from 'node:https';

/*
 * `instrumentation-http` patches Node's HTTP modules through a require hook;
 * requiring them here, after the instrumentation is registered, makes sure the
 * patch is in place whether or not anything required them before.
 */
const requireFromRuntime = createRequire(import.meta.url);

/** Requires Node's HTTP modules so the HTTP instrumentation patches them; returns their servers. */
export function loadHttpModules(): { prototype: HttpServer }[] {
  const http = requireFromRuntime('node:http') as typeof HttpModule;
  const https = requireFromRuntime('node:https') as typeof HttpsModule;
  return [http.Server, https.Server as unknown as { prototype: HttpServer }];
}
