import { MspError } from '@msp/spec/errors';
import { captureProgram, findExecutable } from '../cli/programs.js';
import type { Io } from '../cli/io.js';
import type { ResolvedEnvironment, ResolvedSpec } from '@msp/spec';

/**
 * Finds what `msp pg connect` needs in the environment's project with
 * `gcloud` (already authenticated as the operator): the Cloud SQL instance and
 * the service account to impersonate.
 */

/** Which account the proxy impersonates. */
export type AccessLevel = 'read' | 'write';

/**
 * How the email of the account generation creates (see terraform-gen's iam
 * stack) starts, from the names table: the workload account's whole email for
 * write access, the operator access account's ID prefix (a random suffix
 * follows) for read-only access.
 */
export function accountPrefix(
  resolved: ResolvedSpec,
  environment: ResolvedEnvironment,
  access: AccessLevel,
): string {
  return access === 'write'
    ? environment.names.workloadServiceAccountEmail
    : resolved.names.operatorAccessAccountPrefix;
}

async function gcloud(io: Io, args: readonly string[], what: string): Promise<string[]> {
  const path = await findExecutable(io.env, 'gcloud');
  if (path === undefined) {
    throw new MspError(
      'gcloud-not-found',
      `gcloud was not found on PATH; it is needed to find the ${what}`,
      {
        hint: 'Install the Google Cloud CLI (https://cloud.google.com/sdk/docs/install), or pass --instance and --service-account.',
      },
    );
  }
  const result = await captureProgram(io, path, args);
  if (result.code !== 0) {
    throw new MspError(
      'gcloud-failed',
      `gcloud ${args.slice(0, 3).join(' ')} failed: ${result.stderr.trim() || `exit code ${result.code}`}`,
      {
        hint: 'Check "gcloud auth login" and that you have access to the project.',
      },
    );
  }
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The connection name (`project:region:instance`) of the project's only PostgreSQL instance. */
export async function discoverInstance(io: Io, projectID: string): Promise<string> {
  const names = await gcloud(
    io,
    [
      'sql',
      'instances',
      'list',
      `--project=${projectID}`,
      '--filter=databaseVersion:POSTGRES*',
      '--format=value(connectionName)',
    ],
    'Cloud SQL instance',
  );
  const [only, ...others] = names;
  if (only === undefined) {
    throw new MspError(
      'no-postgresql-instance',
      `no PostgreSQL instance found in project ${projectID}`,
      {
        hint: 'Has the cloudrun stack been applied?',
      },
    );
  }
  if (others.length > 0) {
    throw new MspError(
      'several-postgresql-instances',
      `project ${projectID} has several PostgreSQL instances: ${names.join(', ')}`,
      {
        hint: 'Choose one with --instance <connection name>.',
      },
    );
  }
  return only;
}

/**
 * The email of the workload (write) or operator (read-only) service account,
 * `prefix` being {@link accountPrefix}: found in the project, so that an
 * account the iam stack has not created yet is an error here.
 */
export async function discoverServiceAccount(
  io: Io,
  projectID: string,
  prefix: string,
): Promise<string> {
  const emails = await gcloud(
    io,
    ['iam', 'service-accounts', 'list', `--project=${projectID}`, '--format=value(email)'],
    'service account',
  );
  const found = emails.find((email) => email.startsWith(prefix));
  if (found === undefined) {
    throw new MspError(
      'service-account-not-found',
      `no service account starting with "${prefix}" in project ${projectID}`,
      {
        hint: 'Has the iam stack been applied? Or pass --service-account <email>.',
      },
    );
  }
  return found;
}
