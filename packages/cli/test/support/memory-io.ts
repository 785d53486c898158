import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';

export interface MemoryIo extends Io {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
  /** Emit 'SIGINT' or 'SIGTERM' here to play a signal sent to the process. */
  readonly signals: EventEmitter;
}

/** An `Io` that records output; `tty` turns on terminal behaviour, `input` feeds stdin. */
export function memoryIo(
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    tty?: boolean;
    input?: string[];
  } = {},
): MemoryIo {
  const out: string[] = [];
  const err: string[] = [];
  const tty = options.tty ?? false;
  const stdin =
    options.input === undefined
      ? undefined
      : Object.assign(Readable.from(options.input.map((line) => line + '\n')), { isTTY: tty });
  return {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { PATH: '' },
    stdout: { write: (s: string) => out.push(s), isTTY: tty },
    stderr: { write: (s: string) => err.push(s), isTTY: tty },
    ...(stdin === undefined ? {} : { stdin }),
    out: () => out.join(''),
    err: () => err.join(''),
    signals: new EventEmitter(),
  };
}
