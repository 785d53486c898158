import type { Closer } from '../lifecycle.js';
import { closeInReverse } from './close-in-reverse.js';

describe('closeInReverse', () => {
  it('closes the last registered first, one at a time', async () => {
    const order: string[] = [];
    const closer = (name: string): Closer => ({
      name,
      close: async () => {
        order.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${name}`);
      },
    });
    await closeInReverse([closer('telemetry'), closer('postgres'), closer('redis')], 1000);
    expect(order).toEqual([
      'start redis',
      'end redis',
      'start postgres',
      'end postgres',
      'start telemetry',
      'end telemetry',
    ]);
  });

  it('keeps closing after one fails, then reports every failure', async () => {
    const closed: string[] = [];
    const closers: Closer[] = [
      { name: 'a', close: async () => void closed.push('a') },
      {
        name: 'b',
        close: async () => {
          throw new Error('b broke');
        },
      },
      { name: 'c', close: async () => void closed.push('c') },
    ];
    await expect(closeInReverse(closers, 1000)).rejects.toThrow('b: b broke');
    expect(closed).toEqual(['c', 'a']);
  });

  it('bounds the whole sequence and reports what it could not close', async () => {
    const hang = (): Promise<void> => new Promise(() => undefined);
    const started = performance.now();
    const failure = await closeInReverse(
      [
        { name: 'first', close: hang },
        { name: 'second', close: hang },
      ],
      50,
    ).catch((error: unknown) => String(error));
    expect(performance.now() - started).toBeLessThan(500);
    expect(failure).toMatch(/second: closing second timed out after 50ms; first: /);
  });
});
