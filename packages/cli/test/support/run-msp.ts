import { main } from '../../src/main.js';
import { memoryIo, type MemoryIo } from './memory-io.js';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly io: MemoryIo;
}

/** Runs msp in-process, with the real libraries, on a recording Io. */
export async function runMsp(
  argv: readonly string[],
  options: { io?: MemoryIo } = {},
): Promise<RunResult> {
  const io = options.io ?? memoryIo();
  const code = await main(argv, io, { version: () => '1.2.3-test' });
  return { code, stdout: io.out(), stderr: io.err(), io };
}
