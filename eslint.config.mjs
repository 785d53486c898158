import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '**/.nx/**',
      '**/src/generated/**',
      'bench/cdktf/**',
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Dependencies point one way: spec <- terraform-gen <- cli; runtime uses only
      // @msp/spec/contract and @msp/spec/errors; apps use the published surface of the
      // libraries. The CLI loads @msp/spec lazily but may import its small
      // @msp/spec/issues and @msp/spec/errors entries.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // tools/testing holds test helpers shared by the packages' tests.
          allow: [
            '@msp/spec/contract',
            '@msp/spec/errors',
            '@msp/spec/issues',
            '^(\\.\\./)+tools/testing/[a-z-]+\\.js$',
          ],
          depConstraints: [
            { sourceTag: 'layer:spec', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'layer:terraform-gen', onlyDependOnLibsWithTags: ['layer:spec'] },
            {
              sourceTag: 'layer:runtime',
              onlyDependOnLibsWithTags: [],
            },
            {
              sourceTag: 'layer:cli',
              onlyDependOnLibsWithTags: ['layer:spec', 'layer:terraform-gen'],
            },
            { sourceTag: 'layer:app', onlyDependOnLibsWithTags: ['layer:runtime'] },
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules: a promise is awaited, returned or handled, and never passed where a
    // callback's result is ignored (an event listener, a setTimeout).
    files: [
      'packages/*/{src,test}/**/*.ts',
      'apps/*/src/**/*.ts',
      'e2e/*/test/**/*.ts',
      'tools/codegen/**/*.ts',
    ],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The generators (tools/codegen) sit above every layer and read the packages' sources,
    // internals included (spec's codegen helpers, the CLI's command registry): no entry point
    // exports them, and none should.
    files: ['tools/codegen/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The generator is pure: no network. Image digests are resolved at the CLI's
    // edge (packages/cli/src/image-tags) and passed in.
    files: ['packages/terraform-gen/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:http', 'node:https', 'node:net', 'http', 'https', 'net', 'undici'].map(
            (name) => ({ name, message: 'terraform-gen does no network I/O.' }),
          ),
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'terraform-gen does no network I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'globalThis', property: 'fetch', message: 'terraform-gen does no network I/O.' },
      ],
    },
  },
  {
    // The CLI reaches @msp/spec and @msp/terraform-gen through one boundary,
    // src/libraries.ts, which loads them on first use and adapts their errors.
    files: ['packages/cli/src/**/*.ts'],
    ignores: ['packages/cli/src/libraries.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@msp/spec', '@msp/terraform-gen'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Use src/libraries.ts: the CLI loads the libraries in one place, lazily.',
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
