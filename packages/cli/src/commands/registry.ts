import type { Command, OptionSpecs } from '../cli/command.js';

type LoadCommand = () => Promise<Command<OptionSpecs>>;

/**
 * Every command by name, in the order `msp --help` lists them. A command's
 * module (and what it imports) loads only when that command runs or its help
 * is shown, so `msp validate` does not load `init`'s templates or `ops`'s page.
 * The names must match the commands' own (a test checks).
 */
const COMMANDS: readonly (readonly [name: string, load: LoadCommand])[] = [
  ['init', async () => (await import('./init.js')).initCommand],
  ['env add', async () => (await import('./env-add.js')).envAddCommand],
  ['validate', async () => (await import('./validate.js')).validateCommand],
  ['generate', async () => (await import('./generate.js')).generateCommand],
  ['diff', async () => (await import('./diff.js')).diffCommand],
  ['graph', async () => (await import('./graph.js')).graphCommand],
  ['plan', async () => (await import('./stack-run.js')).planCommand],
  ['apply', async () => (await import('./stack-run.js')).applyCommand],
  ['destroy', async () => (await import('./stack-run.js')).destroyCommand],
  ['release', async () => (await import('./release.js')).releaseCommand],
  ['ops', async () => (await import('./ops.js')).opsCommand],
  ['schema', async () => (await import('./schema.js')).schemaCommand],
  ['logs', async () => (await import('./logs.js')).logsCommand],
  ['pg connect', async () => (await import('./pg-connect.js')).pgConnectCommand],
  ['tfc view', async () => (await import('./tfc-view.js')).tfcViewCommand],
  ['tfc sync', async () => (await import('./tfc-sync.js')).tfcSyncCommand],
];

/** The names of every command, in help order. */
export const commandNames: readonly string[] = COMMANDS.map(([name]) => name);

/** Every command, loaded, in help order (for `msp --help` and the reference page). */
export function loadCommands(): Promise<Command<OptionSpecs>[]> {
  return Promise.all(COMMANDS.map(([, load]) => load()));
}

export type FoundCommand =
  | { readonly name: string; readonly load: LoadCommand; readonly words: number }
  | { readonly name?: undefined; readonly error: string };

/** The command named by the first words of `argv` (`env add`, `validate`, ...), not loaded yet. */
export function findCommand(argv: readonly string[]): FoundCommand {
  for (const [name, load] of [...COMMANDS].sort(
    ([a], [b]) => b.split(' ').length - a.split(' ').length,
  )) {
    const words = name.split(' ');
    if (words.every((word, i) => argv[i] === word)) return { name, load, words: words.length };
  }
  const first = argv[0] ?? '';
  const group = commandNames.filter((name) => name.startsWith(`${first} `));
  if (group.length > 0) {
    const sub = argv[1];
    const names = group.join(', ');
    return {
      error:
        sub === undefined || sub.startsWith('-')
          ? `"msp ${first}" needs a subcommand: ${names}`
          : `unknown command "msp ${first} ${sub}"; did you mean one of: ${names}?`,
    };
  }
  const suggestion = closest(first, [
    ...new Set(commandNames.map((name) => name.split(' ')[0] ?? '')),
  ]);
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
