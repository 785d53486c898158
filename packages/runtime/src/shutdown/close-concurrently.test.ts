import type { Closer } from '../lifecycle.js';
import { closeConcurrently, closerStages } from './close-concurrently.js';

const hang = (): Promise<void> => new Promise(() => undefined);

describe('closeConcurrently', () => {
  it('starts every closer at once', async () => {
    const started: string[] = [];
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const closer = (name: string): Closer => ({
      name,
      close: async () => {
        started.push(name);
        await released;
      },
    });
    const closing = closeConcurrently([closer('postgres'), closer('redis')], 1000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['postgres', 'redis']);
    release();
    await closing;
  });

  it('closes the others while one hangs, and names the one that overran', async () => {
    const closed: string[] = [];
    let abortedReason: unknown;
    const failure = await closeConcurrently(
      [
        {
          name: 'redis',
          close: (signal) => {
            signal.addEventListener('abort', () => (abortedReason = signal.reason));
            return hang();
          },
        },
        { name: 'postgres', close: async () => void closed.push('postgres') },
      ],
      50,
    ).catch((error: unknown) => String(error));
    expect(closed).toEqual(['postgres']);
    expect(failure).toBe('Error: redis: not closed within 50ms');
    expect(String(abortedReason)).toBe('Error: closing redis timed out');
  });

  it('reports every failure together', async () => {
    await expect(
      closeConcurrently(
        [
          { name: 'a', close: () => Promise.reject(new Error('a broke')) },
          { name: 'b', close: async () => undefined },
          {
            name: 'c',
            close: () => {
              throw new Error('c broke');
            },
          },
        ],
        1000,
      ),
    ).rejects.toThrow('a: a broke; c: c broke');
  });

  it('gives each closer the whole timeout, not what the others left', async () => {
    const slow = (name: string): Closer => ({
      name,
      close: () => new Promise((resolve) => setTimeout(resolve, 60)),
    });
    await expect(closeConcurrently([slow('one'), slow('two'), slow('three')], 150)).resolves.toBe(
      undefined,
    );
  });
});

describe('closerStages', () => {
  it('puts the closers marked last in their own stage, keeping the order', () => {
    const closers: Closer[] = [
      { name: 'telemetry', close: async () => undefined, last: true },
      { name: 'sentry', close: async () => undefined, last: true },
      { name: 'postgres', close: async () => undefined },
      { name: 'redis', close: async () => undefined },
    ];
    const stages = closerStages(closers);
    expect(stages.clients.map((c) => c.name)).toEqual(['postgres', 'redis']);
    expect(stages.last.map((c) => c.name)).toEqual(['telemetry', 'sentry']);
  });
});
