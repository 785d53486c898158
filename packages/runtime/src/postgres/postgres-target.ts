import { IntegrationConfigError, envValue, type RuntimeEnv } from '../telemetry/runtime-types.js';

/**
 * Where `open(database)` connects, decided once from the environment:
 *
 * 1. `PGDSN`: a `postgres://` URL (local development or an override). Its
 *    database path is replaced by the database passed to `open()`.
 * 2. `PGINSTANCE` + `PGUSER`: Cloud SQL through the Node connector with
 *    automatic IAM database authentication (what msp sets on Google Cloud).
 * 3. `PGHOST` (with optional `PGPORT`, `PGUSER`, `PGPASSWORD`): a local server.
 * 4. None of these: PostgreSQL is not configured.
 */
export type PostgresTarget =
  | { readonly kind: 'dsn'; readonly dsn: URL }
  | { readonly kind: 'cloud-sql'; readonly instanceConnectionName: string; readonly user: string }
  | {
      readonly kind: 'local';
      readonly host: string;
      readonly port: number;
      readonly user?: string;
      readonly password?: string;
    }
  | { readonly kind: 'none' };

const INSTANCE_NAME = /^[a-z0-9:.-]+:[a-z0-9-]+:[a-z0-9-]+$/;

/** @throws IntegrationConfigError listing every invalid variable. */
export function resolvePostgresTarget(env: RuntimeEnv): PostgresTarget {
  const dsn = envValue(env, 'PGDSN');
  const instance = envValue(env, 'PGINSTANCE');
  const user = envValue(env, 'PGUSER');
  const host = envValue(env, 'PGHOST');
  const problems: string[] = [];

  if (dsn !== undefined) {
    const url = URL.canParse(dsn) ? new URL(dsn) : undefined;
    if (url === undefined || !['postgres:', 'postgresql:'].includes(url.protocol)) {
      problems.push('PGDSN: expected a postgres:// URL such as postgres://user@localhost:5432/db');
    } else {
      return { kind: 'dsn', dsn: url };
    }
  }
  if (instance !== undefined) {
    if (!INSTANCE_NAME.test(instance)) {
      problems.push(
        `PGINSTANCE: "${instance}" is not a Cloud SQL connection name; expected project:region:instance`,
      );
    }
    if (user === undefined) {
      problems.push('PGUSER: required with PGINSTANCE; set it to the IAM database user');
    }
  }
  const port = envValue(env, 'PGPORT') ?? '5432';
  if (instance === undefined && host !== undefined && !/^\d{1,5}$/.test(port)) {
    problems.push(`PGPORT: "${port}" is not a port number`);
  }
  if (problems.length > 0) throw new IntegrationConfigError('PostgreSQL', problems);

  if (instance !== undefined && user !== undefined) {
    return { kind: 'cloud-sql', instanceConnectionName: instance, user };
  }
  if (host !== undefined) {
    const password = envValue(env, 'PGPASSWORD');
    return {
      kind: 'local',
      host,
      port: Number(port),
      ...(user === undefined ? {} : { user }),
      ...(password === undefined ? {} : { password }),
    };
  }
  return { kind: 'none' };
}

/** `PGDSN` with its database replaced by `database`. */
export function dsnForDatabase(dsn: URL, database: string): string {
  const url = new URL(dsn);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
