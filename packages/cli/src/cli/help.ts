import { globalOptions } from './parse.js';
import type { Command, OptionSpec, OptionSpecs } from './command.js';

/** One-line description of msp, used by the root help and the docs. */
export const tagline = 'generate and operate services on Google Cloud from one service.yaml';

function usageLine(command: Command<OptionSpecs>): string {
  const args = command.positionals.map((p) => {
    const name = p.variadic === true ? `${p.name}...` : p.name;
    return p.required === true ? `<${name}>` : `[${name}]`;
  });
  return ['msp', command.name, ...args, '[options]'].join(' ');
}

function optionLabel(name: string, spec: OptionSpec): string {
  const short = spec.short === undefined ? '' : `-${spec.short}, `;
  if (spec.type === 'string') return `${short}--${name} <${spec.valueName}>`;
  const negatable = spec.default === true || name === 'color';
  return `${short}--${negatable ? '[no-]' : ''}${name}`;
}

function optionText(spec: OptionSpec): string {
  const parts = [spec.description];
  if (spec.type === 'string' && spec.choices !== undefined)
    parts.push(`One of: ${spec.choices.join(', ')}.`);
  if (spec.default !== undefined) parts.push(`Default: ${String(spec.default)}.`);
  return parts.join(' ');
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd());
}

/** The `--help` text of a command: usage, arguments, options and examples. */
export function renderCommandHelp(command: Command<OptionSpecs>): string {
  const lines = [`msp ${command.name}: ${command.summary}`, '', 'Usage', `  ${usageLine(command)}`];
  if (command.description !== undefined) lines.push('', ...command.description.split('\n'));
  if (command.positionals.length > 0) {
    lines.push('', 'Arguments', ...table(command.positionals.map((p) => [p.name, p.description])));
  }
  const options: [string, string][] = Object.entries(command.options).map(([name, spec]) => [
    optionLabel(name, spec),
    optionText(spec),
  ]);
  if (options.length > 0) lines.push('', 'Options', ...table(options));
  lines.push(
    '',
    'Global options',
    ...table(
      Object.entries(globalOptions).map(([name, spec]) => [
        optionLabel(name, spec),
        optionText(spec),
      ]),
    ),
  );
  if (command.examples.length > 0) {
    lines.push('', 'Examples');
    for (const example of command.examples)
      lines.push(`  # ${example.description}`, `  ${example.command}`);
  }
  return lines.join('\n') + '\n';
}

/** The `msp --help` text: every command with its summary. */
export function renderRootHelp(commands: readonly Command<OptionSpecs>[]): string {
  return [
    `msp: ${tagline}`,
    '',
    'Usage',
    '  msp <command> [options]',
    '',
    'Commands',
    ...table(commands.map((c) => [c.name, c.summary])),
    '',
    'Global options',
    ...table([
      ['-h, --help', 'Show help; "msp <command> --help" shows a command\'s options and examples.'],
      ['--version', 'Print the version of msp.'],
      ['--verbose', 'Show stack traces and more detail on errors.'],
      [
        '--[no-]color',
        'Force colours on or off; default: on for a terminal unless NO_COLOR is set.',
      ],
    ]),
    '',
    'Exit codes: 0 success, 1 invalid input or failed check, 2 usage error.',
    '',
  ].join('\n');
}
