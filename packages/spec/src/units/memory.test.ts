import { parseMemory } from './memory.js';

describe('parseMemory', () => {
  it.each([
    ['512Mi', 512 * 1024 ** 2],
    ['1Gi', 1024 ** 3],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['2048Ki', 2048 * 1024],
    ['1024', 1024],
    ['1GB', undefined],
    ['Gi', undefined],
    ['-1Gi', undefined],
  ])('%s → %s bytes', (quantity, bytes) => {
    expect(parseMemory(quantity)).toBe(bytes);
  });
});
