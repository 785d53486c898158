import { superviseProgram } from './supervise.js';
import { memoryIo } from '../../test/support/memory-io.js';

/** A Node program that prints `ready`, then logs and ignores SIGTERM when `stubborn`, else exits on it. */
function program(stubborn: boolean): string[] {
  const onTerm = stubborn ? "() => console.log('ignoring SIGTERM')" : '() => process.exit(0)';
  return [
    '-e',
    `process.on('SIGTERM', ${onTerm}); console.log('ready'); setInterval(() => {}, 1000);`,
  ];
}

async function untilReady(io: ReturnType<typeof memoryIo>): Promise<void> {
  while (!io.out().includes('ready')) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('superviseProgram', () => {
  it('reports a program that exits by itself with its exit code and output', async () => {
    const io = memoryIo({ env: process.env });
    const end = await superviseProgram(io, process.execPath, [
      '-e',
      "console.log('hi'); process.exit(3)",
    ]);
    expect(end).toEqual({ reason: 'exited', code: 3 });
    expect(io.out()).toBe('hi\n');
  });

  it('stops the program with SIGTERM when a signal reaches the command', async () => {
    const io = memoryIo({ env: process.env });
    const running = superviseProgram(io, process.execPath, program(false));
    await untilReady(io);
    io.signals.emit('SIGINT');
    expect(await running).toEqual({ reason: 'signal', signal: 'SIGINT' });
  });

  it('stops the program when the time is up', async () => {
    const io = memoryIo({ env: process.env });
    const end = await superviseProgram(io, process.execPath, program(false), { timeoutMs: 50 });
    expect(end).toEqual({ reason: 'timeout' });
  });

  it('kills a program that ignores SIGTERM once killAfterMs has passed', async () => {
    const io = memoryIo({ env: process.env });
    const running = superviseProgram(io, process.execPath, program(true), { killAfterMs: 200 });
    await untilReady(io);
    io.signals.emit('SIGTERM');
    // Without the SIGKILL this never settles and the test times out.
    expect(await running).toEqual({ reason: 'signal', signal: 'SIGTERM' });
    expect(io.out()).toContain('ignoring SIGTERM');
  });
});
