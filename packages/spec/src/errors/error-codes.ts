/**
 * Every code an {@link MspError} can carry, in every package, with what it
 * means and how to fix it. docs/reference/errors.md is generated from this
 * table; packages/spec/test/error-codes.test.ts checks that every code thrown
 * under packages/ is documented there and every documented code is still thrown.
 * Codes are kebab-case and stable: add new ones, never rename one silently.
 */

/** The package that throws a code (the CLI also throws some of @msp/spec's). */
export type ErrorPackage = 'spec' | 'terraform-gen' | 'runtime' | 'cli';

export interface ErrorCodeInfo {
  readonly package: ErrorPackage;
  /** What went wrong; names the error class when it is not a plain `MspError`. */
  readonly meaning: string;
  /** What to do about it. */
  readonly fix: string;
}

const BUG = 'This is a bug in msp: please report it with the spec that triggers it.';

export const ERROR_CODES = {
  // @msp/spec
  'spec-invalid': {
    package: 'spec',
    meaning:
      'A spec has errors. `SpecError` lists them in `issues`; the CLI prints them above this error.',
    fix: 'Fix the issues listed (each has a code of its own, above); `msp validate` lists them again.',
  },
  'platform-config-invalid': {
    package: 'spec',
    meaning:
      'The platform config (msp.config.yaml) is invalid or cannot be read. `ConfigError` lists the problems in `issues`.',
    fix: 'Fix the issues listed; docs/reference/platform-config.md describes every field.',
  },
  usage: {
    package: 'spec',
    meaning:
      '`UsageError`: a command or function was called wrongly (bad arguments or flags, or `resolveSpec` given a spec validation would reject). The CLI exits 2.',
    fix: 'Correct the call as the message says; `msp <command> --help` lists the arguments.',
  },

  // @msp/terraform-gen
  'generation-failed': {
    package: 'terraform-gen',
    meaning:
      "`GenerationError`: the Terraform cannot be generated for these settings; `problems` lists every environment's problems.",
    fix: 'Change the settings named (in service.yaml or msp.config.yaml), then generate again.',
  },
  'fragment-conflict': {
    package: 'terraform-gen',
    meaning:
      '`FragmentConflictError`: two stack builders define the same Terraform address; `paths` names them.',
    fix: BUG,
  },

  // @msp/runtime
  'runtime-config-invalid': {
    package: 'runtime',
    meaning:
      "`ConfigError`: environment variables of the service are missing or invalid (its own, the contract's or an integration's); `issues` lists every one. `start()` logs it and exits 1.",
    fix: 'Set or correct the variables named; locally, see the table in the runtime README.',
  },
  'integration-config-invalid': {
    package: 'runtime',
    meaning:
      '`IntegrationConfigError`: an integration (telemetry, Sentry, PostgreSQL, Redis) started on its own has invalid settings; `problems` lists them. Under `start()` these become a `runtime-config-invalid`.',
    fix: 'Correct the variables named in the message.',
  },
  'migration-failed': {
    package: 'runtime',
    meaning:
      '`MigrationError`: `migrate()` could not apply a migration (SQL error, an applied migration changed, duplicate names, a bad table name); `migration` names it.',
    fix: 'Fix the migration named (the message gives file:line:column for SQL errors); never edit one already applied, add a new one.',
  },

  // @msp/cli: input
  'spec-not-found': {
    package: 'cli',
    meaning: 'The service.yaml given does not exist.',
    fix: 'Give the path to a service.yaml, or create one with `msp init <id>`.',
  },
  'no-specs': {
    package: 'cli',
    meaning: 'No file was named and there is no service.yaml under the current directory.',
    fix: 'Name a spec file, or create one with `msp init <id>`.',
  },
  'platform-config-unreadable': {
    package: 'cli',
    meaning: 'An msp.config.yaml exists but cannot be read (permissions, or a directory).',
    fix: 'Make the file readable, or remove it to use the defaults.',
  },
  'unknown-environment': {
    package: 'cli',
    meaning: '`--env` names an environment the spec does not have.',
    fix: 'Use one of the environment IDs the hint lists.',
  },
  'environment-exists': {
    package: 'cli',
    meaning: '`msp env add` was given an environment ID the spec already has.',
    fix: 'Choose another ID.',
  },
  'already-exists': {
    package: 'cli',
    meaning: '`msp init` would overwrite a file that exists; it never does.',
    fix: 'Choose another ID or `--dir`; with `--ci`, move the file aside, run again and merge your changes back.',
  },
  'schema-not-installed': {
    package: 'cli',
    meaning:
      '`msp init --schema local` found no node_modules/@msp/spec/schema/service.schema.json at or above the service directory.',
    fix: 'Install it (`npm install --save-dev @msp/spec`) and run again, or use `--schema url`.',
  },
  'no-environments': {
    package: 'cli',
    meaning: '`msp tfc sync --category` matched no environment in the specs.',
    fix: 'Drop `--category`, or pick another category (test, internal, external).',
  },
  aborted: {
    package: 'cli',
    meaning: 'A confirmation prompt was answered no; nothing was changed.',
    fix: 'Run again and confirm, or add `--yes`.',
  },
  interrupted: {
    package: 'cli',
    meaning:
      'Ctrl-C (SIGINT or SIGTERM) stopped a command; Terraform was stopped cleanly, and remote runs or releases are left as they are.',
    fix: 'Run msp again to go on; the message links a Terraform Cloud run or Cloud Deploy release still in progress.',
  },

  // @msp/cli: generation
  'image-tags-unresolved': {
    package: 'cli',
    meaning:
      'The digest of a subscribed image tag could not be resolved (the tag does not exist, or with `--no-stable` the registry cannot be reached).',
    fix: 'Check that the tag exists in the registry and that it is reachable; without `--no-stable`, generation keeps the pinned digests.',
  },
  'registry-unreachable': {
    package: 'cli',
    meaning:
      'A container registry gave no answer (network, DNS, timeout). Generation leaves an unpinned environment on its plain tag, or reports `image-tags-unresolved`.',
    fix: 'Check the network and the registry host, then generate again.',
  },
  'terraform-nonconformant': {
    package: 'cli',
    meaning:
      'The generated Terraform does not match the pinned provider schemas: `msp generate` throws it, and `msp validate --conformance` tags each mismatch with it.',
    fix: BUG,
  },

  // @msp/cli: committed Terraform and terraform
  'terraform-missing': {
    package: 'cli',
    meaning: 'A stack file that `msp release` reads has not been generated.',
    fix: 'Run `msp generate`, commit the result and apply it (`msp apply`) before releasing.',
  },
  'terraform-invalid': {
    package: 'cli',
    meaning: 'A committed stack file is not valid JSON or not an object.',
    fix: 'Run `msp generate` to write it again.',
  },
  'terraform-stale': {
    package: 'cli',
    meaning:
      'The committed Terraform is not what msp generates now (or was generated by an older msp or for another spec).',
    fix: 'Run `msp generate`, review the diff and commit it, then run again.',
  },
  'terraform-not-found': {
    package: 'cli',
    meaning: '`terraform` is not on PATH (plan, apply and destroy without Terraform Cloud run it).',
    fix: 'Install the Terraform version in terraform/<env>/.terraform-version.',
  },
  'terraform-failed': {
    package: 'cli',
    meaning:
      'A `terraform` step (init, plan, show, apply) failed for a stack; the end of its output follows.',
    fix: 'Fix the cause shown, then run msp again: the stacks before it are done.',
  },
  'destroy-refused': {
    package: 'cli',
    meaning:
      'A plan would destroy or replace stateful resources (databases, buckets, ...); nothing was applied.',
    fix: 'If intended, set `allowDestroys: true` on the environment, generate, and run again with `--allow-destroy`.',
  },
  'destroys-not-allowed': {
    package: 'cli',
    meaning:
      '`--allow-destroy`, `msp destroy` or `msp tfc sync --delete` for an environment without `allowDestroys: true`.',
    fix: 'Set `allowDestroys: true` on the environment in service.yaml, generate and apply it, then run again.',
  },
  'no-stacks': {
    package: 'cli',
    meaning: 'Generation produced no stacks for an environment that `msp tfc` works on.',
    fix: BUG,
  },

  // @msp/cli: Terraform Cloud
  'unknown-stack': {
    package: 'cli',
    meaning: 'A command names a stack msp does not generate.',
    fix: 'Name one of the stacks: project, iam, cloudrun, monitoring or tfcworkspaces.',
  },
  'not-terraform-cloud': {
    package: 'cli',
    meaning: 'A `msp tfc` command, but the platform config keeps state elsewhere.',
    fix: 'Set `state.type: terraform-cloud` in msp.config.yaml to use the tfc commands.',
  },
  'tfc-token-missing': {
    package: 'cli',
    meaning: 'No Terraform Cloud token in the environment.',
    fix: 'Set `TFE_TOKEN` or `TF_TOKEN_<host>` to a user or team token (created under the user or team settings in Terraform Cloud).',
  },
  'tfc-vcs-missing': {
    package: 'cli',
    meaning: 'Run mode vcs, but the platform config has no `state.vcs`.',
    fix: 'Add `state.vcs` (repository, branch, oauthTokenID) to msp.config.yaml, or use `--run-mode cli`.',
  },
  'tfc-oauth-token-missing': {
    package: 'cli',
    meaning: 'Run mode vcs, but `state.vcs.oauthTokenID` is not set.',
    fix: 'Copy the ot-... ID from Settings → Version Control → Providers in Terraform Cloud, or use `--run-mode cli`.',
  },
  'tfc-ignore-cannot-create': {
    package: 'cli',
    meaning: 'A workspace does not exist, and run mode ignore cannot create workspaces.',
    fix: 'Run again with `--run-mode vcs` or `cli`.',
  },
  'tfc-workspace-missing': {
    package: 'cli',
    meaning: "A stack's Terraform Cloud workspace does not exist.",
    fix: 'Create the workspaces first with `msp tfc sync`.',
  },
  'tfc-api': {
    package: 'cli',
    meaning:
      'Terraform Cloud answered with an error status or an unexpected document (404 also when the token has no access).',
    fix: "Check the token and its access to the organization; the message has Terraform Cloud's answer.",
  },
  'tfc-unreachable': {
    package: 'cli',
    meaning: 'Terraform Cloud could not be reached, after retries.',
    fix: 'Check the network and `state.hostname` in the platform config (or `TFE_ADDRESS`), then run again.',
  },
  'tfc-upload': {
    package: 'cli',
    meaning: 'A configuration version was not uploaded (it stayed pending, or errored).',
    fix: 'Run again; if it persists, look at the configuration version in Terraform Cloud.',
  },
  'tfc-run-failed': {
    package: 'cli',
    meaning:
      'A Terraform Cloud run errored or was cancelled; the message links it and ends with its log.',
    fix: 'Fix the cause shown in the run, then run msp again: the stacks before it are done.',
  },

  // @msp/cli: releases and Google Cloud
  'no-rollout': {
    package: 'cli',
    meaning: '`msp release` for a service without a `rollout` block.',
    fix: 'Add a rollout to service.yaml; an environment with `deploy.type: manual` takes a new image by its tag instead.',
  },
  'google-credentials': {
    package: 'cli',
    meaning: 'No Google access token for Cloud Deploy.',
    fix: 'Set `GOOGLE_OAUTH_ACCESS_TOKEN`, or install gcloud and run `gcloud auth login` (in CI, authenticate as the releaser service account).',
  },
  'clouddeploy-api': {
    package: 'cli',
    meaning: 'Cloud Deploy answered with an error status or a body that is not JSON.',
    fix: "The message has Google's status and message; check the releaser's permissions and the pipeline.",
  },
  'clouddeploy-unreachable': {
    package: 'cli',
    meaning: 'Cloud Deploy could not be reached, after retries.',
    fix: 'Check the network (or `MSP_CLOUDDEPLOY_ENDPOINT`) and run again.',
  },
  'clouddeploy-operation': {
    package: 'cli',
    meaning: 'A Cloud Deploy long-running operation (creating a release or rollout) failed.',
    fix: "The message has the operation's error; follow it in Cloud Deploy.",
  },
  'clouddeploy-render': {
    package: 'cli',
    meaning: 'Cloud Deploy could not render the release; the message has its reasons and link.',
    fix: "Apply the final stage's cloudrun stack (it uploads the skaffold source), then release again.",
  },
  'gcloud-not-found': {
    package: 'cli',
    meaning:
      '`gcloud` is not on PATH, and `msp pg connect` needs it to find the instance or service account.',
    fix: 'Install the Google Cloud CLI, or pass `--instance` and `--service-account`.',
  },
  'gcloud-failed': {
    package: 'cli',
    meaning: 'A `gcloud` command failed; the message has its output.',
    fix: 'Check `gcloud auth login` and your access to the project.',
  },
  'no-postgresql': {
    package: 'cli',
    meaning: '`msp pg connect` for an environment without PostgreSQL.',
    fix: 'Add `resources.postgreSQL` to the environment in service.yaml.',
  },
  'no-postgresql-instance': {
    package: 'cli',
    meaning: 'The project has no Cloud SQL PostgreSQL instance.',
    fix: 'Apply the cloudrun stack first.',
  },
  'several-postgresql-instances': {
    package: 'cli',
    meaning: 'The project has several PostgreSQL instances and none was chosen.',
    fix: 'Choose one with `--instance <connection name>`.',
  },
  'service-account-not-found': {
    package: 'cli',
    meaning: 'The project has no service account of the kind `msp pg connect` impersonates.',
    fix: 'Apply the iam stack first, or pass `--service-account <email>`.',
  },
  'proxy-not-found': {
    package: 'cli',
    meaning: '`cloud-sql-proxy` (the Cloud SQL Auth Proxy v2) is not on PATH.',
    fix: 'Install it (`gcloud components install cloud-sql-proxy`, or `brew install cloud-sql-proxy`), or print the command with `--print`.',
  },
  'proxy-failed': {
    package: 'cli',
    meaning: '`cloud-sql-proxy` exited with an error.',
    fix: "If it says permission denied, ask for the Cloud SQL and impersonation grants on the service's operations page (`msp ops`).",
  },
  'port-in-use': {
    package: 'cli',
    meaning: 'The local port for `msp pg connect` is in use.',
    fix: 'Choose another port with `--port <n>`.',
  },
} as const satisfies Readonly<Record<string, ErrorCodeInfo>>;

export type ErrorCode = keyof typeof ERROR_CODES;
