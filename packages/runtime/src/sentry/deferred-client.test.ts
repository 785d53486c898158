import { recordingLogger } from '../../test/telemetry-support/recording-lifecycle.js';
import { deferredClient } from './deferred-client.js';
import type { SentryClient } from './sentry-client.js';

/** A client that records what it is asked to capture. */
function recordingClient(captured: string[]): SentryClient {
  return {
    captureError: (error) => void captured.push(`error ${error.message}`),
    captureMessage: (message) => void captured.push(`message ${message}`),
    captureUncaught: (error, kind) => void captured.push(`${kind} ${String(error)}`),
    captureCheckIn: (checkIn) => {
      captured.push(`check-in ${checkIn.status}`);
      return 'id';
    },
    flush: async () => true,
    close: async () => true,
  };
}

/** A load() that resolves when the test says so. */
function gatedLoad(client: SentryClient): { load: () => Promise<SentryClient>; open(): void } {
  let open = (): void => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    load: async () => {
      await gate;
      return client;
    },
    open: () => open(),
  };
}

describe('deferredClient', () => {
  it('queues captures while loading and runs them, in order, once ready', async () => {
    const captured: string[] = [];
    const gated = gatedLoad(recordingClient(captured));
    const deferred = deferredClient(gated.load, recordingLogger());
    deferred.run((c) => c.captureMessage('first', {}, undefined));
    deferred.run((c) => c.captureError(new Error('second'), {}, undefined));
    expect(captured).toEqual([]);
    gated.open();
    expect(await deferred.ready(1_000)).toBeDefined();
    expect(captured).toEqual(['message first', 'error second']);
    deferred.run((c) => c.captureMessage('after', {}, undefined));
    expect(captured).toEqual(['message first', 'error second', 'message after']);
  });

  it('keeps at most `limit` captures while loading and logs how many it dropped', async () => {
    const captured: string[] = [];
    const logger = recordingLogger();
    const gated = gatedLoad(recordingClient(captured));
    const deferred = deferredClient(gated.load, logger, { limit: 2 });
    for (const n of [1, 2, 3, 4]) deferred.run((c) => c.captureMessage(`m${n}`, {}, undefined));
    gated.open();
    await deferred.ready(1_000);
    expect(captured).toEqual(['message m1', 'message m2']);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Sentry dropped records captured while it was loading',
        fields: { dropped: 2, limit: 2 },
      }),
    );
  });

  it('loads after the delay when nothing asks for the client sooner', async () => {
    let loads = 0;
    const deferred = deferredClient(
      async () => {
        loads++;
        return recordingClient([]);
      },
      recordingLogger(),
      { delayMs: 20 },
    );
    expect(loads).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(loads).toBe(1);
    expect(await deferred.ready(1_000)).toBeDefined();
    expect(loads).toBe(1);
  });

  it('resolves ready() with undefined after the timeout while still loading', async () => {
    const gated = gatedLoad(recordingClient([]));
    const deferred = deferredClient(gated.load, recordingLogger());
    expect(await deferred.ready(10)).toBeUndefined();
    gated.open();
    expect(await deferred.ready(1_000)).toBeDefined();
  });

  it('logs a failed load and drops the queue', async () => {
    const logger = recordingLogger();
    const deferred = deferredClient(() => Promise.reject(new Error('no module')), logger);
    deferred.run((c) => c.captureMessage('lost', {}, undefined));
    expect(await deferred.ready(1_000)).toBeUndefined();
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Sentry failed to load; errors are not reported',
        fields: { error: 'no module', dropped: 1 },
      }),
    );
  });
});
