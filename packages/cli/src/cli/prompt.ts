import { createInterface } from 'node:readline';
import type { Io } from './io.js';

/** Prompts only make sense when a person is at a terminal. */
export function canPrompt(io: Io): boolean {
  return io.stdin?.isTTY === true && io.stdout.isTTY === true;
}

export interface Prompter {
  /** Asks one question; an empty answer (or end of input) gives `fallback`. */
  ask(question: string, fallback?: string): Promise<string>;
  /** A y/N question; anything but y or yes is no. */
  confirm(question: string): Promise<boolean>;
  close(): void;
}

/**
 * Reads answers line by line from the command's stdin. One reader serves all
 * questions, so lines typed (or piped) ahead are not lost between them.
 */
export function createPrompter(io: Io): Prompter {
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = io.stdin === undefined;
  const rl =
    io.stdin === undefined ? undefined : createInterface({ input: io.stdin, terminal: false });
  rl?.on('line', (line) => {
    const next = waiting.shift();
    if (next === undefined) lines.push(line);
    else next(line);
  });
  rl?.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  const nextLine = (): Promise<string | undefined> => {
    const line = lines.shift();
    if (line !== undefined || ended) return Promise.resolve(line);
    return new Promise((resolve) => waiting.push(resolve));
  };
  const ask = async (question: string, fallback = ''): Promise<string> => {
    io.stdout.write(`${question}${fallback === '' ? '' : ` (${fallback})`}: `);
    const answer = (await nextLine())?.trim() ?? '';
    return answer === '' ? fallback : answer;
  };
  return {
    ask,
    confirm: async (question) => /^y(es)?$/i.test(await ask(`${question} [y/N]`)),
    close: () => rl?.close(),
  };
}
