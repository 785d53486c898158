import type { ConfigDefinition, ConfigOf, Env } from '../config/variable.js';
import type { ContractValues } from '../contract/contract-values.js';
import {
  setupIntegrations as defaultSetupIntegrations,
  type Integrations,
  type SetupIntegrations,
} from '../integrations/integrations.js';
import type { LogOutput } from '../logging/logger.js';
import type { TelemetryExtensions } from '../telemetry/telemetry-extensions.js';
import { closeConcurrently, closerStages } from '../shutdown/close-concurrently.js';
import { createWorkloadLogOutput, loadWorkloadConfig, type Identity } from './bootstrap.js';
import { createLifecycleRegistry, type LifecycleRegistry } from './lifecycle-registry.js';

export interface WorkloadOptions {
  readonly env: Env;
  /** Where log lines go. @default standard output */
  readonly writeLog?: (line: string) => void;
  /** @default the runtime's {@link defaultSetupIntegrations} */
  readonly setupIntegrations?: SetupIntegrations;
}

export interface PreparedWorkload<D extends ConfigDefinition> {
  readonly identity: Identity;
  readonly config: ConfigOf<D>;
  readonly values: ContractValues;
  readonly output: LogOutput;
  readonly lifecycle: LifecycleRegistry;
  readonly integrations: Integrations;
}

/** How long closing clients may take when start-up fails. */
const FAILED_START_CLOSE_MS = 3000;

/**
 * Closes what was registered so far, then rethrows `error`: start-up failed
 * after integrations may have opened clients.
 */
export async function closeAfterFailedStart(
  prepared: Pick<PreparedWorkload<ConfigDefinition>, 'lifecycle' | 'output'>,
  error: unknown,
): Promise<never> {
  const { clients, last } = closerStages(prepared.lifecycle.closers);
  for (const stage of [clients, last]) {
    await closeConcurrently(stage, FAILED_START_CLOSE_MS).catch((closeError: unknown) =>
      prepared.output.logger
        .scoped('msp')
        .error('closing clients after a failed start failed', { error: closeError }),
    );
  }
  throw error;
}

/**
 * The start-up every workload shares: config and contract (one report of
 * every problem), the logger, then the integrations with their log sinks.
 *
 * @throws {ConfigError} when variables are missing or invalid
 */
export async function prepareWorkload<D extends ConfigDefinition>(
  workload: {
    readonly name: string;
    readonly version: string;
    readonly config?: D;
    readonly telemetry?: TelemetryExtensions;
  },
  kind: 'service' | 'job',
  options: WorkloadOptions,
): Promise<PreparedWorkload<D>> {
  const identity = { name: workload.name, version: workload.version };
  const loaded = loadWorkloadConfig(workload.config ?? ({} as D), options.env, kind);
  const output = createWorkloadLogOutput(identity, loaded.contract, options.writeLog);
  const lifecycle = createLifecycleRegistry();
  const setup = options.setupIntegrations ?? defaultSetupIntegrations;
  try {
    const integrations = await setup({
      workload: kind,
      telemetry: workload.telemetry ?? {},
      service: identity,
      env: options.env,
      contract: loaded.contract,
      logger: output.logger.scoped('msp.integrations'),
      lifecycle,
    });
    for (const sink of integrations.logSinks) output.addSink(sink);
    return {
      identity,
      config: loaded.config,
      values: loaded.contract,
      output,
      lifecycle,
      integrations,
    };
  } catch (error) {
    return closeAfterFailedStart({ lifecycle, output }, error);
  }
}
