// The example's end-to-end tests run the built service (`npm run build` first; the Nx
// test target builds it). The same file works in the monorepo and in a copy of the template.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'msp-example',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // @msp/runtime ships ES modules; the test helpers it exports are compiled like the tests.
  transformIgnorePatterns: ['/node_modules/(?!@msp/)'],
  // Sources import siblings with a .js extension.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};
