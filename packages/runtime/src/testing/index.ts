/**
 * `@msp/runtime/testing`: run a service or a job in-process, as `start()` and
 * `runJob()` would, without touching the process (no signals, no exit).
 */
import type { ConfigDefinition, Env } from '../config/variable.js';
import type { SetupIntegrations } from '../integrations/integrations.js';
import { executeJob } from '../job/execute-job.js';
import type { Job } from '../job/job.js';
import type { JobResult } from '../job/job-result.js';
import { bootService } from '../service/boot-service.js';
import type { Service } from '../service/service.js';
import type { ShutdownReport } from '../shutdown/run-shutdown.js';

export {
  createDataClients,
  type Flusher,
  type IntegrationClients,
  type IntegrationContext,
  type Integrations,
  type SetupIntegrations,
} from '../integrations/integrations.js';

export interface TestOptions {
  /** The environment, instead of `process.env`. `LOG_FORMAT` defaults to json so `logs` parse. */
  readonly env?: Env;
  /**
   * Replaces the runtime's integrations, e.g. with fakes; `createDataClients(env,
   * lifecycle, logger)` builds the contract's data clients for the result.
   */
  readonly setupIntegrations?: SetupIntegrations;
}

export interface TestService {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly port: number;
  /** Log lines so far, one record each. */
  readonly logs: readonly string[];
  /** Shuts the service down as SIGTERM would. */
  stop(): Promise<ShutdownReport>;
}

function testEnv(env: Env | undefined): Env {
  return { LOG_FORMAT: 'json', ...env };
}

/**
 * Starts `service` on 127.0.0.1 on a free port.
 *
 * @throws {ConfigError} when `env` lacks or has invalid variables
 */
export async function startTestService<D extends ConfigDefinition>(
  service: Service<D>,
  options: TestOptions = {},
): Promise<TestService> {
  const logs: string[] = [];
  const running = await bootService(service, {
    env: testEnv(options.env),
    host: '127.0.0.1',
    port: 0,
    writeLog: (line) => logs.push(line),
    ...(options.setupIntegrations ? { setupIntegrations: options.setupIntegrations } : {}),
  });
  return {
    url: `http://127.0.0.1:${running.port}`,
    port: running.port,
    logs,
    stop: () => running.shutdown(),
  };
}

export interface TestJobRun {
  readonly result: JobResult;
  readonly logs: readonly string[];
}

/**
 * Runs one execution of `job`.
 *
 * @throws {ConfigError} when `env` lacks or has invalid variables
 */
export async function runTestJob<D extends ConfigDefinition>(
  job: Job<D>,
  options: TestOptions & { readonly signal?: AbortSignal } = {},
): Promise<TestJobRun> {
  const logs: string[] = [];
  const result = await executeJob(job, {
    env: testEnv(options.env),
    writeLog: (line) => logs.push(line),
    ...(options.setupIntegrations ? { setupIntegrations: options.setupIntegrations } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { result, logs };
}
