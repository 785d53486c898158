import { didYouMean, editDistance } from './did-you-mean.js';

describe('didYouMean', () => {
  it.each([
    ['memroy', ['cpu', 'memory', 'cloudRunGeneration'], 'memory'],
    ['projectId', ['id', 'projectID', 'category'], 'projectID'],
    ['ownres', ['id', 'owners', 'name'], 'owners'],
    ['totallyUnrelated', ['id', 'owners'], undefined],
  ] as const)('%s among %j → %s', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });

  it('skips candidates whose length alone rules them out', () => {
    // Without the length check this is an edit distance of 10^6 × 10^6 cells: it does not end.
    const long = 'y'.repeat(1_000_000);
    expect(didYouMean(long, ['memory', 'x'.repeat(1_500_000)])).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
