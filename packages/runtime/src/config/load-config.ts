import { ConfigError, type ConfigIssue } from '../errors.js';
import type { ConfigDefinition, ConfigOf, Env } from './variable.js';

export interface ReadResult<D extends ConfigDefinition> {
  /** Values of the variables that read cleanly; complete only when `issues` is empty. */
  readonly values: Partial<ConfigOf<D>>;
  readonly issues: readonly ConfigIssue[];
}

/**
 * Reads every variable of `definition` from `env` and collects every problem,
 * without throwing. `start()` uses it to report service and contract problems
 * together.
 */
export function readConfig<D extends ConfigDefinition>(definition: D, env: Env): ReadResult<D> {
  const values: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  const keyByName = new Map<string, string>();
  for (const [key, variable] of Object.entries(definition)) {
    const earlier = keyByName.get(variable.name);
    if (earlier !== undefined) {
      issues.push({
        variable: variable.name,
        message: `read by both config keys "${earlier}" and "${key}"`,
        hint: 'give each config key its own variable',
      });
      continue;
    }
    keyByName.set(variable.name, key);
    const result = variable.read(env[variable.name]);
    if (result.ok) values[key] = result.value;
    else issues.push({ variable: variable.name, message: result.problem });
  }
  // Every key of `definition` with a value of its variable's type, or an issue.
  return { values: values as Partial<ConfigOf<D>>, issues };
}

/**
 * Loads a configuration: a pure function of `env`.
 *
 * @returns the frozen, typed configuration
 * @throws {ConfigError} listing every missing or invalid variable at once
 */
export function loadConfig<D extends ConfigDefinition>(definition: D, env: Env): ConfigOf<D> {
  const { values, issues } = readConfig(definition, env);
  if (issues.length > 0) throw new ConfigError(issues);
  // With no issues, every key was read.
  return Object.freeze(values) as ConfigOf<D>;
}
