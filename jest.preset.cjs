// Shared jest configuration. TypeScript sources are compiled by SWC to CommonJS
// for the test run only; builds use tsc and emit ESM.
const path = require('node:path');

const root = __dirname;
const src = (pkg, file = 'index.ts') => path.join(root, 'packages', pkg, 'src', file);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    // Workspace packages resolve to their sources, so tests never need a prior build.
    '^@msp/spec$': src('spec'),
    '^@msp/spec/contract$': src('spec', 'contract/index.ts'),
    '^@msp/spec/errors$': src('spec', 'errors/index.ts'),
    '^@msp/spec/issues$': src('spec', 'issues/index.ts'),
    '^@msp/terraform-gen$': src('terraform-gen'),
    '^@msp/runtime$': src('runtime'),
    '^@msp/runtime/testing$': src('runtime', 'testing/index.ts'),
    '^@msp/runtime/testing/otlp$': src('runtime', 'testing/otlp.ts'),
    '^@msp/cli$': src('cli'),
    // ESM sources import siblings with a .js extension.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  clearMocks: true,
};
