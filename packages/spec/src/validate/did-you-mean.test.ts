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

  it('counts a transposition as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
