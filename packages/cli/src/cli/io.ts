import type { Readable } from 'node:stream';

/** Where a command writes; `isTTY` decides colours, progress and prompts. */
export interface OutputStream {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Everything a command may touch of the process. The binary passes the real
 * process; tests pass literals and capture the output.
 */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Present when input can be read; prompts need it to be a terminal. */
  readonly stdin?: Readable & { readonly isTTY?: boolean };
  /** Where SIGINT and SIGTERM arrive (the process in the binary); absent: not handled. */
  readonly signals?: SignalSource;
}

export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The part of `process` (or any `EventEmitter`) that delivers termination signals. */
export interface SignalSource {
  on(signal: StopSignal, listener: () => void): unknown;
  off(signal: StopSignal, listener: () => void): unknown;
}
