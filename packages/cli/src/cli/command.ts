import type { Colors } from './colors.js';
import type { Io } from './io.js';

/** A `--flag` of a command, in the shape `node:util` `parseArgs` takes plus help text. */
export type OptionSpec =
  | {
      readonly type: 'boolean';
      readonly short?: string;
      readonly description: string;
      readonly default?: boolean;
    }
  | {
      readonly type: 'string';
      readonly short?: string;
      readonly description: string;
      /** Shown in help as `--flag <valueName>`. */
      readonly valueName: string;
      readonly default?: string;
      readonly multiple?: false;
      /** Allowed values; anything else is a usage error. */
      readonly choices?: readonly string[];
    };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type OptionValue<S extends OptionSpec> = S extends { type: 'boolean' }
  ? S extends { default: boolean }
    ? boolean
    : boolean | undefined
  : S extends { default: string }
    ? string
    : string | undefined;

export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]: OptionValue<O[K]> };

export interface PositionalSpec {
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  /** Takes every remaining argument (must be last). */
  readonly variadic?: boolean;
}

export interface Example {
  readonly command: string;
  readonly description: string;
}

/** What a command's `run` receives. */
export interface CommandContext<O extends OptionSpecs> {
  readonly io: Io;
  readonly options: OptionValues<O>;
  /** Positionals in the declared order; a variadic one collects the rest. */
  readonly args: readonly string[];
  readonly colors: Colors;
  readonly verbose: boolean;
  /**
   * The worker script that generates specs on other threads (the binary's);
   * absent: everything runs in this thread.
   */
  readonly generateWorker?: URL;
}

export interface Command<O extends OptionSpecs = OptionSpecs> {
  /** Words after `msp`, e.g. `env add`. */
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: O;
  readonly examples: readonly Example[];
  /** Returns the exit code: 0 ok, 1 invalid input or failed check. */
  run(context: CommandContext<O>): Promise<number>;
}

/** Declares a command with its option types inferred. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}
