import { runExecution } from './run-execution.js';

describe('runExecution', () => {
  it('succeeds when execute resolves', async () => {
    expect(
      await runExecution(async () => undefined, { deadlineMs: undefined, signal: undefined }),
    ).toEqual({
      outcome: 'succeeded',
      durationMs: expect.any(Number),
      error: undefined,
    });
  });

  it('fails with the thrown error, wrapping non-errors', async () => {
    const thrown = await runExecution(
      () => {
        throw new Error('bad');
      },
      { deadlineMs: undefined, signal: undefined },
    );
    expect(thrown).toMatchObject({ outcome: 'failed', error: new Error('bad') });
    const rejected = await runExecution(() => Promise.reject('a string'), {
      deadlineMs: undefined,
      signal: undefined,
    });
    expect(rejected.error?.message).toBe('job failed with a non-error value: a string');
  });

  it('aborts the signal at the deadline and reports it exceeded', async () => {
    let sawAbort = false;
    const completion = await runExecution(
      (signal) =>
        new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(signal.reason);
          }),
        ),
      { deadlineMs: 30, signal: undefined },
    );
    expect(sawAbort).toBe(true);
    expect(completion).toMatchObject({ outcome: 'deadline-exceeded' });
    expect(completion.error?.message).toBe('deadline of 30ms exceeded');
  });

  it('is interrupted when the external signal aborts', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 20);
    const completion = await runExecution(
      (signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve())),
      { deadlineMs: undefined, signal: stop.signal },
    );
    expect(completion.outcome).toBe('interrupted');
  });
});
