module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'registry-e2e',
  // Publishing, installing from the local registry, building and starting the
  // copied app take a while; the test's own steps have their own deadlines.
  testTimeout: 240_000,
  modulePathIgnorePatterns: ['<rootDir>/test/fixtures/'],
};
