/**
 * The contract table from `@msp/spec/contract`, read the same way as a
 * service's own configuration.
 */
import {
  CONTRACT_VARIABLES,
  type ContractScope,
  type ContractValueKind,
  type ContractVariable,
  type ContractVariableName,
} from '@msp/spec/contract';
import {
  fail,
  parseBoolean,
  parseDurationMs,
  parseInteger,
  parseOneOf,
  parseString,
  parseUrl,
  type Parser,
} from '../config/parsers.js';
import { readConfig } from '../config/load-config.js';
import type { Env, Variable } from '../config/variable.js';
import type { ConfigIssue } from '../errors.js';

interface KindValues {
  string: string;
  integer: number;
  boolean: boolean;
  /** Milliseconds. */
  duration: number;
  url: string;
}

type ValueOf<V> = V extends { readonly values: readonly (infer E)[] }
  ? E
  : V extends { readonly kind: infer K extends ContractValueKind }
    ? KindValues[K]
    : never;

type ContractValue<V> = V extends { readonly default: string }
  ? ValueOf<V>
  : ValueOf<V> | undefined;

/** Every contract variable, parsed; unset ones without a default are `undefined`. */
export type ContractValues = {
  readonly [K in ContractVariableName]: ContractValue<(typeof CONTRACT_VARIABLES)[K]>;
};

const PARSERS: Readonly<Record<ContractValueKind, Parser<unknown>>> = {
  string: parseString,
  integer: parseInteger,
  boolean: parseBoolean,
  duration: parseDurationMs,
  url: parseUrl,
};

function contractVariable(name: string, spec: ContractVariable): Variable<unknown> {
  const parse = spec.values ? parseOneOf(spec.values) : PARSERS[spec.kind];
  const sensitive = spec.sensitive === true;
  return {
    name,
    description: spec.description,
    type: spec.values ? `one of ${spec.values.join(', ')}` : spec.kind,
    required: false,
    defaultText: spec.default,
    sensitive,
    read(raw) {
      const text = raw === undefined || raw === '' ? spec.default : raw;
      if (text === undefined) return { ok: true, value: undefined };
      const result = parse(text);
      if (result.ok || sensitive) return result;
      return fail(`${result.problem}; got ${JSON.stringify(text)}`);
    },
  };
}

/** The contract variables as a config definition keyed by variable name. */
export const CONTRACT_DEFINITION: Readonly<Record<ContractVariableName, Variable<unknown>>> =
  Object.fromEntries(
    Object.entries(CONTRACT_VARIABLES).map(([name, spec]) => [name, contractVariable(name, spec)]),
  ) as Record<ContractVariableName, Variable<unknown>>;

/** The contract variables a workload of `scope` reads, for `--help`. */
export function contractVariablesFor(scope: Exclude<ContractScope, 'all'>): Variable<unknown>[] {
  return Object.entries(CONTRACT_VARIABLES)
    .filter(([, spec]) => spec.scope === 'all' || spec.scope === scope)
    .map(([name]) => CONTRACT_DEFINITION[name as ContractVariableName]);
}

export interface ContractReadResult {
  /** Present when every contract variable read cleanly. */
  readonly values: ContractValues | undefined;
  readonly issues: readonly ConfigIssue[];
}

/** Reads every contract variable from `env`, collecting problems rather than throwing. */
export function readContract(env: Env): ContractReadResult {
  const { values, issues } = readConfig(CONTRACT_DEFINITION, env);
  // Each value was parsed by the parser of its table entry's kind.
  return {
    values: issues.length === 0 ? (Object.freeze(values) as ContractValues) : undefined,
    issues,
  };
}
