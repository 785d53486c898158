/**
 * A service's configuration is a record of variables, each built with one of
 * the `variable.*` builders:
 *
 * ```ts
 * const config = {
 *   greeting: variable.string('GREETING', { description: 'Greeting to send.', default: 'hello' }),
 *   workers: variable.integer('WORKERS', { description: 'Worker count.', default: 4, min: 1 }),
 *   upstream: variable.url('UPSTREAM_URL', { description: 'Where to forward.' }), // required
 *   token: variable.string('API_TOKEN', { description: 'Token.', optional: true, sensitive: true }),
 * };
 * ```
 */
import { formatDuration } from './duration.js';
import {
  fail,
  ok,
  parseBoolean,
  parseDurationMs,
  parseInteger,
  parseList,
  parseOneOf,
  parseString,
  parseUrl,
  type ParseResult,
  type Parser,
} from './parsers.js';

/** Environment variables by name, such as `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface Variable<T> {
  readonly name: string;
  readonly description: string;
  /** The kind of value, as `--help` shows it: `integer`, `one of a, b`. */
  readonly type: string;
  readonly required: boolean;
  /** The default as `--help` shows it; undefined when there is none. */
  readonly defaultText: string | undefined;
  /** A credential: its value never appears in messages. */
  readonly sensitive: boolean;
  /** Reads the raw value; `undefined` means unset (an empty string counts as unset). */
  read(raw: string | undefined): ParseResult<T>;
}

/** A service's configuration: config keys to variables. */
export type ConfigDefinition = Readonly<Record<string, Variable<unknown>>>;

/** The typed, frozen configuration a definition loads to. */
export type ConfigOf<D extends ConfigDefinition> = {
  readonly [K in keyof D]: D[K] extends Variable<infer T> ? T : never;
};

interface CommonOptions {
  readonly description: string;
  /** Keep the value out of messages and logs. @default false */
  readonly sensitive?: boolean;
}

type RequiredOptions<T> = CommonOptions & {
  /** Used when the variable is unset; without one the variable is required. */
  readonly default?: T;
  readonly optional?: false;
};

type OptionalOptions = CommonOptions & {
  /** Unset means `undefined` rather than an error. */
  readonly optional: true;
};

export interface VariableBuilder<T, Extra = unknown> {
  (name: string, options: RequiredOptions<T> & Extra): Variable<T>;
  (name: string, options: OptionalOptions & Extra): Variable<T | undefined>;
}

interface Kind<T, Extra> {
  readonly type: (extra: Extra) => string;
  readonly parse: (extra: Extra) => Parser<T>;
  readonly show: (value: T) => string;
}

function builder<T, Extra = unknown>(kind: Kind<T, Extra>): VariableBuilder<T, Extra> {
  const build = (
    name: string,
    options: (RequiredOptions<T> | OptionalOptions) & Extra,
  ): Variable<T | undefined> => {
    const parse = kind.parse(options);
    const fallback: T | undefined = 'default' in options ? options.default : undefined;
    const optional = options.optional === true;
    const sensitive = options.sensitive === true;
    return {
      name,
      description: options.description,
      type: kind.type(options),
      required: !optional && fallback === undefined,
      defaultText: fallback === undefined || sensitive ? undefined : kind.show(fallback),
      sensitive,
      read(raw) {
        if (raw === undefined || raw === '') {
          if (fallback !== undefined) return ok(fallback);
          return optional ? ok(undefined) : fail('required but not set');
        }
        const result = parse(raw);
        if (result.ok || sensitive) return result;
        return fail(`${result.problem}; got ${JSON.stringify(raw)}`);
      },
    };
  };
  // One implementation serves both overloads; they differ only in whether
  // `undefined` can come out, which `optional` decides at run time.
  return build as VariableBuilder<T, Extra>;
}

interface Bounds {
  /** Smallest accepted value. */
  readonly min?: number;
  /** Largest accepted value. */
  readonly max?: number;
}

function bounded(
  parse: Parser<number>,
  show: (n: number) => string,
  bounds: Bounds,
): Parser<number> {
  return (raw) => {
    const result = parse(raw);
    if (!result.ok) return result;
    if (bounds.min !== undefined && result.value < bounds.min)
      return fail(`must be at least ${show(bounds.min)}`);
    if (bounds.max !== undefined && result.value > bounds.max)
      return fail(`must be at most ${show(bounds.max)}`);
    return result;
  };
}

export interface OneOfBuilder {
  <const V extends string>(
    name: string,
    values: readonly V[],
    options: RequiredOptions<V>,
  ): Variable<V>;
  <const V extends string>(
    name: string,
    values: readonly V[],
    options: OptionalOptions,
  ): Variable<V | undefined>;
}

function oneOfBuilder(): OneOfBuilder {
  const build = <V extends string>(
    name: string,
    values: readonly V[],
    options: RequiredOptions<V> | OptionalOptions,
  ): Variable<V | undefined> =>
    builder<V>({
      type: () => `one of ${values.join(', ')}`,
      parse: () => parseOneOf(values),
      show: String,
    })(name, options as RequiredOptions<V>);
  // As in `builder`: `optional` decides at run time whether `undefined` can come out.
  return build as OneOfBuilder;
}

export const variable = {
  string: builder<string>({ type: () => 'string', parse: () => parseString, show: String }),
  integer: builder<number, Bounds>({
    type: () => 'integer',
    parse: (bounds) => bounded(parseInteger, String, bounds),
    show: String,
  }),
  boolean: builder<boolean>({ type: () => 'boolean', parse: () => parseBoolean, show: String }),
  /** A Go-style duration such as `30s` or `1h30m`; the value is in milliseconds. */
  duration: builder<number, Bounds>({
    type: () => 'duration',
    parse: (bounds) => bounded(parseDurationMs, formatDuration, bounds),
    show: formatDuration,
  }),
  url: builder<string>({ type: () => 'URL', parse: () => parseUrl, show: String }),
  /** Comma-separated values; blanks are dropped. */
  list: builder<readonly string[]>({
    type: () => 'comma-separated list',
    parse: () => parseList,
    show: (items) => items.join(','),
  }),
  /** One of a fixed set of strings. */
  oneOf: oneOfBuilder(),
};
