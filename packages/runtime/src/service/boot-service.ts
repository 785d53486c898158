import type { Server } from 'node:http';
import type { ConfigDefinition, Env } from '../config/variable.js';
import { serviceContract } from '../contract/contract.js';
import { createDiagnosticsHandler } from '../diagnostics/diagnostics-handler.js';
import {
  setupIntegrations as defaultSetupIntegrations,
  type SetupIntegrations,
} from '../integrations/integrations.js';
import { createWorkloadLogOutput, loadWorkloadConfig } from '../internal/bootstrap.js';
import { createLifecycleRegistry } from '../internal/lifecycle-registry.js';
import type { Logger } from '../logging/logger.js';
import { createServer, listen } from '../server/create-server.js';
import { closeInReverse } from '../shutdown/close-in-reverse.js';
import type { ShutdownReport } from '../shutdown/run-shutdown.js';
import { startRoutines } from './routine.js';
import type { Service } from './service.js';
import { shutdownService } from './shutdown-service.js';

export interface BootOptions {
  readonly env: Env;
  /** Interface to listen on. @default all interfaces */
  readonly host?: string;
  /** Overrides `PORT`; 0 picks a free port. */
  readonly port?: number;
  /** Where log lines go. @default standard output */
  readonly writeLog?: (line: string) => void;
  /** @default the runtime's {@link defaultSetupIntegrations} */
  readonly setupIntegrations?: SetupIntegrations;
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

/** How long closing clients may take when initialisation fails. */
const FAILED_START_CLOSE_MS = 3000;

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
  const identity = { name: service.name, version: service.version };
  const definition = service.config ?? ({} as D);
  const loaded = loadWorkloadConfig(definition, options.env);
  const values = loaded.contract;
  const output = createWorkloadLogOutput(identity, values, options.writeLog);
  const runtimeLogger = output.logger.scoped('msp');
  if (values.DIAGNOSTICS_SECRET === undefined) {
    const message = 'DIAGNOSTICS_SECRET is not set: diagnostics endpoints are unauthenticated';
    if (values.MSP) runtimeLogger.error(message);
    else runtimeLogger.warn(message);
  }

  const lifecycle = createLifecycleRegistry();
  const setup = options.setupIntegrations ?? defaultSetupIntegrations;
  let shuttingDown = false;
  try {
    const integrations = await setup({
      workload: 'service',
      service: identity,
      env: options.env,
      contract: values,
      logger: output.logger.scoped('msp.integrations'),
      lifecycle,
    });
    for (const sink of integrations.logSinks) output.addSink(sink);
    const port = options.port ?? values.PORT;
    const contract = serviceContract(values, port, integrations.clients);
    const app = await service.initialize({
      config: loaded.config,
      logger: output.logger.scoped('service'),
      contract,
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
    await closeInReverse(lifecycle.closers, FAILED_START_CLOSE_MS).catch((closeError: unknown) =>
      runtimeLogger.error('closing clients after a failed start failed', { error: closeError }),
    );
    throw error;
  }
}
