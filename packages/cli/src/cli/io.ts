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
}
