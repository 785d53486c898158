import type { ConfigDefinition, ConfigOf } from '../config/variable.js';
import type { ServiceContract } from '../contract/contract.js';
import type { Lifecycle } from '../lifecycle.js';
import type { Logger } from '../logging/logger.js';
import type { HttpHandler } from '../server/http-handler.js';
import type { TelemetryExtensions } from '../telemetry/telemetry-extensions.js';
import type { Routine } from './routine.js';

/** What `initialize` receives. */
export interface ServiceContext<C> {
  /** The service's configuration, loaded from its `config` definition. */
  readonly config: C;
  /** Scoped `service`. */
  readonly logger: Logger;
  readonly contract: ServiceContract;
  /** Register health checks (run by `/-/healthz`) and closers (run at shutdown). */
  readonly lifecycle: Lifecycle;
}

/** What a service runs once initialised. */
export interface ServiceApp {
  /** Serves every path except the diagnostics ones; without it they get 404. */
  readonly handler?: HttpHandler;
  readonly routines?: readonly Routine[];
}

export interface Service<D extends ConfigDefinition = ConfigDefinition> {
  readonly name: string;
  readonly version: string;
  /** The service's environment variables, built with `variable.*`. */
  readonly config?: D;
  /** Instrumentations and span processors added to the runtime's OpenTelemetry. */
  readonly telemetry?: TelemetryExtensions;
  initialize(context: ServiceContext<ConfigOf<D>>): ServiceApp | Promise<ServiceApp>;
}

/** Returns `service` unchanged; it only helps TypeScript infer the config type. */
export function defineService<D extends ConfigDefinition = Record<never, never>>(
  service: Service<D>,
): Service<D> {
  return service;
}
