import { main } from '../../src/main.js';
import { memoryIo, type MemoryIo } from './memory-io.js';
import type { MspDeps } from '../../src/deps.js';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly io: MemoryIo;
}

/** Runs msp in-process with a recording Io and the given (fake) libraries. */
export async function runMsp(
  argv: readonly string[],
  options: { io?: MemoryIo; deps?: MspDeps } = {},
): Promise<RunResult> {
  const io = options.io ?? memoryIo();
  const deps = options.deps;
  const code = await main(argv, io, {
    version: () => '1.2.3-test',
    ...(deps === undefined ? {} : { loadDeps: async () => deps }),
  });
  return { code, stdout: io.out(), stderr: io.err(), io };
}
