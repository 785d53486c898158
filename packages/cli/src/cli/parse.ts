import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '@msp/spec/errors';
import type { Command, OptionSpecs, OptionValues } from './command.js';

/** Options every command accepts. */
export const globalOptions = {
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
  verbose: { type: 'boolean', description: 'Show stack traces and more detail on errors.' },
  color: {
    type: 'boolean',
    description:
      'Force colours on or off (--no-color); default: on for a terminal unless NO_COLOR is set.',
  },
} as const satisfies OptionSpecs;

export interface ParsedCommandLine<O extends OptionSpecs> {
  readonly options: OptionValues<O>;
  readonly args: readonly string[];
  readonly help: boolean;
  readonly verbose: boolean;
  readonly color: boolean | undefined;
}

/**
 * Parses a command's arguments with `node:util` `parseArgs`, then checks the
 * positionals and `choices`. Every mistake is a `UsageError` (exit 2).
 */
export function parseCommandLine<O extends OptionSpecs>(
  command: Command<O>,
  argv: readonly string[],
): ParsedCommandLine<O> {
  const all: OptionSpecs = { ...command.options, ...globalOptions };
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(all)) {
    options[name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.default === undefined ? {} : { default: spec.default }),
    } as NonNullable<ParseArgsConfig['options']>[string];
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
    }) as { values: Record<string, unknown>; positionals: string[] };
  } catch (error) {
    throw new UsageError(cleanParseError(error), {
      hint: `Run "msp ${command.name} --help" for usage.`,
    });
  }
  const help = parsed.values['help'] === true;
  if (!help) {
    checkPositionals(command, parsed.positionals);
    checkChoices(command, parsed.values);
  }
  return {
    options: parsed.values as OptionValues<O>,
    args: parsed.positionals,
    help,
    verbose: parsed.values['verbose'] === true,
    color: parsed.values['color'] as boolean | undefined,
  };
}

function cleanParseError(error: unknown): string {
  // Not `instanceof Error`: errors from node:util may come from another realm (jest's sandbox).
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : String(error);
  // parseArgs suggests "--" for values that look like options; msp has no such case worth mentioning.
  return message
    .replace(/\. To specify a positional argument starting with a '-'.*$/s, '')
    .replace(/\.$/, '');
}

function checkPositionals(command: Command<OptionSpecs>, given: readonly string[]): void {
  const declared = command.positionals;
  const required = declared.filter((p) => p.required === true).length;
  const variadic = declared.some((p) => p.variadic === true);
  if (given.length < required) {
    const missing = declared.slice(given.length).filter((p) => p.required === true);
    throw new UsageError(`missing ${missing.map((p) => `<${p.name}>`).join(' ')}`, {
      hint: `Run "msp ${command.name} --help" for usage.`,
    });
  }
  if (!variadic && given.length > declared.length) {
    const extra = given.slice(declared.length);
    throw new UsageError(
      `unexpected argument${extra.length > 1 ? 's' : ''} ${extra.map((a) => `"${a}"`).join(', ')}`,
      {
        hint: `Run "msp ${command.name} --help" for usage.`,
      },
    );
  }
}

function checkChoices(command: Command<OptionSpecs>, values: Record<string, unknown>): void {
  for (const [name, spec] of Object.entries(command.options)) {
    const value = values[name];
    if (spec.type === 'string' && spec.choices !== undefined && typeof value === 'string') {
      if (!spec.choices.includes(value)) {
        throw new UsageError(`--${name} must be one of ${spec.choices.join(', ')}; got "${value}"`);
      }
    }
  }
}

/** Reads an integer option, or throws a usage error naming the flag. */
export function integerOption(
  name: string,
  value: string | undefined,
  range: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(
      `--${name} must be a whole number from ${range.min} to ${range.max}; got "${value}"`,
    );
  }
  return n;
}
