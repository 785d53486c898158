import type { Targets } from './runner.js';

/**
 * Every codegen target. Each is a module `tools/codegen/<target>.ts` exporting
 * `generate()`, loaded only when it runs (after run.ts's module hooks).
 */
export const TARGETS: Targets = {
  repository: {
    // The schema definition → JSON Schemas, input types, validators, reference docs, modelines.
    spec: () => import('./spec.js'),
    // The pinned provider schemas → provider argument types and conformance data.
    'terraform-gen': () => import('./terraform-gen.js'),
    // The runtime contract → the table in packages/runtime/README.md.
    runtime: () => import('./runtime.js'),
    // The commands' help → docs/reference/cli.md.
    cli: () => import('./cli.js'),
  },
  // Their input is not in the repository, so `npm run codegen` and CI cannot run them
  // (`--from DIR` names it); their output is committed like the rest.
  source: {
    // Providers' Go source (git clones at the release tags) → replacement-arguments.ts.
    'replacement-arguments': () => import('./replacement-arguments.js'),
    // Full `terraform providers schema -json` dumps → the trimmed packages/terraform-gen/schemas.
    'terraform-schemas': () => import('./terraform-schemas.js'),
  },
};
