import { IntegrationConfigError, isIntegrationConfigError } from '../telemetry/runtime-types.js';
import { dsnForDatabase, resolvePostgresTarget } from './postgres-target.js';

describe('resolvePostgresTarget', () => {
  it.each([
    [{}, { kind: 'none' }],
    [
      { PGHOST: 'db', PGUSER: 'me' },
      { kind: 'local', host: 'db', port: 5432, user: 'me' },
    ],
    [
      { PGHOST: 'db', PGPORT: '6543', PGPASSWORD: 'pw' },
      { kind: 'local', host: 'db', port: 6543, password: 'pw' },
    ],
    [
      { PGINSTANCE: 'proj:us-central1:main', PGUSER: 'svc@proj.iam', PGHOST: 'ignored' },
      { kind: 'cloud-sql', instanceConnectionName: 'proj:us-central1:main', user: 'svc@proj.iam' },
    ],
  ])('chooses the connection from %j', (env, expected) => {
    expect(resolvePostgresTarget(env)).toEqual(expected);
  });

  it('prefers PGDSN over Cloud SQL', () => {
    const target = resolvePostgresTarget({
      PGDSN: 'postgres://u@h/x',
      PGINSTANCE: 'p:r:i',
      PGUSER: 'u',
    });
    expect(target.kind).toBe('dsn');
  });

  it('reports every invalid variable at once', () => {
    const attempt = (): unknown => resolvePostgresTarget({ PGINSTANCE: 'not a name' });
    expect(attempt).toThrow(IntegrationConfigError);
    try {
      attempt();
    } catch (error) {
      expect(isIntegrationConfigError(error)).toBe(true);
      expect(isIntegrationConfigError(new Error('other'))).toBe(false);
      expect((error as IntegrationConfigError).problems).toEqual([
        'PGINSTANCE: "not a name" is not a Cloud SQL connection name; expected project:region:instance',
        'PGUSER: required with PGINSTANCE; set it to the IAM database user',
      ]);
    }
  });

  it('rejects a PGDSN that is not a postgres URL', () => {
    expect(() => resolvePostgresTarget({ PGDSN: 'mysql://h/db' })).toThrow(
      /PGDSN: expected a postgres:\/\/ URL/,
    );
  });

  it('puts the opened database into the DSN', () => {
    expect(dsnForDatabase(new URL('postgres://u:p@h:1/old?sslmode=disable'), 'new db')).toBe(
      'postgres://u:p@h:1/new%20db?sslmode=disable',
    );
  });
});
