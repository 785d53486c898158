import { createInterface } from 'node:readline/promises';
import type { Io } from './io.js';

/** Prompts only make sense when a person is at a terminal. */
export function canPrompt(io: Io): boolean {
  return io.stdin?.isTTY === true && io.stdout.isTTY === true;
}

/** Asks one question on the terminal; an empty answer gives `fallback`. */
export async function ask(io: Io, question: string, fallback = ''): Promise<string> {
  if (io.stdin === undefined) return fallback;
  const rl = createInterface({ input: io.stdin, output: { write: (s: string) => io.stdout.write(s) } as NodeJS.WritableStream, terminal: false });
  try {
    const suffix = fallback === '' ? '' : ` (${fallback})`;
    io.stdout.write(`${question}${suffix}: `);
    const answer = await new Promise<string>((resolve) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
    });
    return answer.trim() === '' ? fallback : answer.trim();
  } finally {
    rl.close();
  }
}

/** A y/N question; anything but y or yes is no. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  const answer = await ask(io, `${question} [y/N]`);
  return /^y(es)?$/i.test(answer);
}
