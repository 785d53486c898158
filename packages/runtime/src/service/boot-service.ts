import type { Server } from 'node:http';
import type { ConfigDefinition } from '../config/variable.js';
import { serviceContract } from '../contract/contract.js';
import { createDiagnosticsHandler } from '../diagnostics/diagnostics-handler.js';
import {
  closeAfterFailedStart,
  prepareWorkload,
  type WorkloadOptions,
} from '../internal/prepare-workload.js';
import type { Logger } from '../logging/logger.js';
import { createServer, listen } from '../server/create-server.js';
import type { ShutdownReport } from '../shutdown/run-shutdown.js';
import { startRoutines } from './routine.js';
import type { Service } from './service.js';
import { shutdownService } from './shutdown-service.js';

export interface BootOptions extends WorkloadOptions {
  /** Interface to listen on. @default all interfaces */
  readonly host?: string;
  /** Overrides `PORT`; 0 picks a free port. */
  readonly port?: number;
}

export interface RunningService {
  readonly port: number;
  readonly server: Server;
  readonly logger: Logger;
  /** Resolves when a routine fails, with the error; the caller decides to shut down. */
  readonly failed: Promise<unknown>;
  /** Runs the ordered, bounded shutdown once; later calls return the same report. */
  shutdown(): Promise<ShutdownReport>;
}

function warnWithoutSecret(logger: Logger, secret: string | undefined, msp: boolean): void {
  if (secret !== undefined) return;
  const message = 'DIAGNOSTICS_SECRET is not set: diagnostics endpoints are unauthenticated';
  if (msp) logger.error(message);
  else logger.warn(message);
}

/**
 * Brings a service up without touching the process: config, logger,
 * integrations, `initialize`, then HTTP and routines.
 *
 * @throws {ConfigError} when variables are missing or invalid (nothing started)
 */
export async function bootService<D extends ConfigDefinition>(
  service: Service<D>,
  options: BootOptions,
): Promise<RunningService> {
  const prepared = await prepareWorkload(service, 'service', options);
  const { values, output, lifecycle, integrations } = prepared;
  const runtimeLogger = output.logger.scoped('msp');
  warnWithoutSecret(runtimeLogger, values.DIAGNOSTICS_SECRET, values.MSP);

  let shuttingDown = false;
  try {
    const port = options.port ?? values.PORT;
    const app = await service.initialize({
      config: prepared.config,
      logger: output.logger.scoped('service'),
      contract: serviceContract(values, port, integrations.clients),
      lifecycle,
    });
    const diagnostics = createDiagnosticsHandler({
      version: service.version,
      secret: values.DIAGNOSTICS_SECRET,
      msp: values.MSP,
      healthChecks: () => lifecycle.healthChecks,
      isShuttingDown: () => shuttingDown,
      logger: runtimeLogger.scoped('diagnostics'),
    });
    const handler =
      app.handler && integrations.wrapHandler ? integrations.wrapHandler(app.handler) : app.handler;
    const { server, tracker } = createServer(diagnostics, handler, runtimeLogger.scoped('http'));
    const boundPort = await listen(server, port, options.host);

    let reportFailure: (error: unknown) => void = () => undefined;
    const failed = new Promise<unknown>((resolve) => (reportFailure = resolve));
    const routines = startRoutines(
      app.routines ?? [],
      runtimeLogger.scoped('routines'),
      (_, error) => reportFailure(error),
    );
    runtimeLogger.info('service started', {
      port: boundPort,
      msp: values.MSP,
      environment: values.ENVIRONMENT_ID,
    });

    let report: Promise<ShutdownReport> | undefined;
    return {
      port: boundPort,
      server,
      logger: output.logger,
      failed,
      shutdown: () => {
        report ??= shutdownService({
          markNotReady: () => (shuttingDown = true),
          server,
          tracker,
          routines,
          flushers: [...integrations.flushers, { name: 'log sinks', flush: output.flush }],
          closers: lifecycle.closers,
          logger: runtimeLogger.scoped('shutdown'),
        });
        return report;
      },
    };
  } catch (error) {
    return closeAfterFailedStart(prepared, error);
  }
}
