/** The first stages every workload shares: config, contract and logger. */
import { readConfig } from '../config/load-config.js';
import { parseBoolean } from '../config/parsers.js';
import type { ConfigDefinition, ConfigOf, Env } from '../config/variable.js';
import { readContract, type ContractValues } from '../contract/contract-values.js';
import { ConfigError } from '../errors.js';
import { integrationConfigIssues } from '../integrations/config-issues.js';
import { LOG_LEVELS } from '../logging/log-record.js';
import { createLogOutput, type LogFormat, type LogOutput } from '../logging/logger.js';

export interface Identity {
  readonly name: string;
  readonly version: string;
}

export interface LoadedConfig<D extends ConfigDefinition> {
  readonly config: ConfigOf<D>;
  readonly contract: ContractValues;
}

/**
 * Reads the contract, the workload's own variables and the integrations'
 * settings together.
 *
 * @throws {ConfigError} with the problems of both at once
 */
export function loadWorkloadConfig<D extends ConfigDefinition>(
  definition: D,
  env: Env,
  kind: 'service' | 'job',
): LoadedConfig<D> {
  const contract = readContract(env);
  const own = readConfig(definition, env);
  const read = [...contract.issues, ...own.issues];
  // A variable already reported as unreadable is not reported again.
  const reported = new Set(read.map((issue) => issue.variable));
  const integrations = integrationConfigIssues(env, kind).filter(
    (issue) => !reported.has(issue.variable),
  );
  const issues = [...read, ...integrations];
  if (contract.values === undefined || issues.length > 0) throw new ConfigError(issues);
  // With no issues every key of the definition was read.
  return { config: Object.freeze(own.values) as ConfigOf<D>, contract: contract.values };
}

function defaultFormat(msp: boolean): LogFormat {
  return msp ? 'json' : 'text';
}

export function createWorkloadLogOutput(
  identity: Identity,
  contract: ContractValues,
  write: ((line: string) => void) | undefined,
): LogOutput {
  return createLogOutput({
    level: contract.LOG_LEVEL,
    format: contract.LOG_FORMAT ?? defaultFormat(contract.MSP),
    service: identity,
    projectId: contract.GOOGLE_CLOUD_PROJECT,
    ...(write ? { write } : {}),
  });
}

/**
 * A logger for reporting that the configuration itself is broken: it reads
 * only what it can of `LOG_FORMAT`, `LOG_LEVEL` and `MSP`.
 */
export function createFallbackLogOutput(
  identity: Identity,
  env: Env,
  write: ((line: string) => void) | undefined,
): LogOutput {
  const msp = parseBoolean(env['MSP'] ?? '');
  const requested = env['LOG_FORMAT'];
  const format =
    requested === 'json' || requested === 'text' ? requested : defaultFormat(msp.ok && msp.value);
  const level = LOG_LEVELS.find((name) => name === env['LOG_LEVEL']) ?? 'info';
  return createLogOutput({
    level,
    format,
    service: identity,
    projectId: env['GOOGLE_CLOUD_PROJECT'] || undefined,
    ...(write ? { write } : {}),
  });
}
