import type { Command, OptionSpecs } from '../cli/command.js';
import { diffCommand } from './diff.js';
import { envAddCommand } from './env-add.js';
import { generateCommand } from './generate.js';
import { graphCommand } from './graph.js';
import { initCommand } from './init.js';
import { logsCommand } from './logs.js';
import { opsCommand } from './ops.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';
import { pgConnectCommand } from './pg-connect.js';
import { tfcSyncCommand } from './tfc-sync.js';
import { tfcViewCommand } from './tfc-view.js';

/**
 * Every command, in the order `msp --help` lists them. Command modules are
 * light: each loads its heavy dependencies inside `run`.
 */
export const commands: readonly Command<OptionSpecs>[] = [
  initCommand,
  envAddCommand,
  validateCommand,
  generateCommand,
  diffCommand,
  graphCommand,
  opsCommand,
  schemaCommand,
  logsCommand,
  pgConnectCommand,
  tfcViewCommand,
  tfcSyncCommand,
];

export type FoundCommand =
  | { readonly command: Command<OptionSpecs>; readonly words: number }
  | { readonly command?: undefined; readonly error: string };

/** The command named by the first words of `argv` (`env add`, `validate`, ...). */
export function findCommand(argv: readonly string[]): FoundCommand {
  for (const command of [...commands].sort(
    (a, b) => b.name.split(' ').length - a.name.split(' ').length,
  )) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { command, words: words.length };
  }
  const first = argv[0] ?? '';
  const group = commands.filter((c) => c.name.startsWith(`${first} `));
  if (group.length > 0) {
    const sub = argv[1];
    const names = group.map((c) => c.name).join(', ');
    return {
      error:
        sub === undefined || sub.startsWith('-')
          ? `"msp ${first}" needs a subcommand: ${names}`
          : `unknown command "msp ${first} ${sub}"; did you mean one of: ${names}?`,
    };
  }
  const suggestion = closest(first, [...new Set(commands.map((c) => c.name.split(' ')[0] ?? ''))]);
  return {
    error: `unknown command "${first}"${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`,
  };
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word, name);
    if (
      distance <= Math.max(2, Math.floor(name.length / 3)) &&
      (best === undefined || distance < best.distance)
    )
      best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
