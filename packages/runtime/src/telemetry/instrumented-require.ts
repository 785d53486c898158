import { createRequire } from 'node:module';
import type * as HttpModule from 'node:http';
import type { Server as HttpServer } from 'node:http';
import type * as HttpsModule from 'node:https';
import type * as PgModule from 'pg';
import type * as IoredisModule from 'ioredis';

/*
 * Drivers are loaded with `require`, lazily, on first use. OpenTelemetry's
 * instrumentations patch modules through require hooks, so a driver loaded
 * this way after `startTelemetry()` is instrumented whether the service itself
 * is ESM or CommonJS. (An ESM `import` of ioredis bypasses those hooks: ioredis
 * ships an ESM build.) Loading on first use also keeps the drivers out of
 * cold start for services that do not use them.
 */
const requireFromRuntime = createRequire(import.meta.url);

export function loadPg(): typeof PgModule {
  return requireFromRuntime('pg') as typeof PgModule;
}

export function loadIoredis(): typeof IoredisModule {
  return requireFromRuntime('ioredis') as typeof IoredisModule;
}

/** Requires Node's HTTP modules so the HTTP instrumentation patches them; returns their servers. */
export function loadHttpModules(): { prototype: HttpServer }[] {
  const http = requireFromRuntime('node:http') as typeof HttpModule;
  const https = requireFromRuntime('node:https') as typeof HttpsModule;
  return [http.Server, https.Server as unknown as { prototype: HttpServer }];
}
