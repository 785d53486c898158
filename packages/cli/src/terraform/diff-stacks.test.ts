import { diffStacks } from './diff-stacks.js';

const file = (
  resource: Record<string, Record<string, unknown>>,
  extra: Record<string, unknown> = {},
) => JSON.stringify({ resource, ...extra });
const path = (env: string, stack: string) => `terraform/${env}/stacks/${stack}/main.tf.json`;

const sql = {
  google_sql_database_instance: { main: { name: 'postgresql-ab12', deletion_protection: true } },
};
const run = {
  google_cloud_run_v2_service: {
    cloudrun: { name: 'svc', template: { containers: [{ image: 'a' }] } },
  },
};

describe('diffStacks', () => {
  it('finds nothing when the files are equal', () => {
    const files = new Map([[path('prod', 'cloudrun'), file({ ...sql, ...run })]]);
    expect(diffStacks(files, new Map(files))).toEqual({ changes: [], files: [], warnings: [] });
  });

  it('lists added, changed and removed addresses per stack', () => {
    const current = new Map([
      [
        path('prod', 'cloudrun'),
        file({ ...run, google_redis_instance: { redis: { tier: 'BASIC' } } }),
      ],
    ]);
    const next = new Map([
      [
        path('prod', 'cloudrun'),
        file({
          google_cloud_run_v2_service: {
            cloudrun: { name: 'svc', template: { containers: [{ image: 'b' }] } },
          },
          google_secret_manager_secret_version: { diag: { secret: 'x' } },
        }),
      ],
    ]);
    const diff = diffStacks(current, next);
    expect(diff.changes).toEqual([
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_cloud_run_v2_service.cloudrun',
        change: 'changed',
      },
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_redis_instance.redis',
        change: 'removed',
      },
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_secret_manager_secret_version.diag',
        change: 'added',
      },
    ]);
    expect(diff.warnings).toEqual([
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_redis_instance.redis',
        kind: 'Redis instance',
        reason: 'destroyed',
      },
    ]);
  });

  it('warns loudly when a SQL instance is removed', () => {
    const current = new Map([[path('prod', 'cloudrun'), file({ ...sql, ...run })]]);
    const next = new Map([[path('prod', 'cloudrun'), file(run)]]);
    expect(diffStacks(current, next).warnings).toEqual([
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_sql_database_instance.main',
        kind: 'Cloud SQL instance',
        reason: 'destroyed',
      },
    ]);
  });

  it('calls a stateful resource that changes address a re-address, within and across stacks', () => {
    const current = new Map([
      [path('prod', 'cloudrun'), file({ ...sql, ...run })],
      [
        path('prod', 'iam'),
        file({ google_service_account: { workload: { account_id: 'svc-sa' } } }),
      ],
    ]);
    const next = new Map([
      [
        path('prod', 'cloudrun'),
        file({ google_sql_database_instance: { primary: { name: 'postgresql-ab12' } }, ...run }),
      ],
      [path('prod', 'iam'), file({})],
      [
        path('prod', 'project'),
        file({ google_service_account: { workload: { account_id: 'svc-sa' } } }),
      ],
    ]);
    expect(diffStacks(current, next).warnings).toEqual([
      expect.objectContaining({
        address: 'google_sql_database_instance.main',
        reason: 're-addressed',
        to: 'google_sql_database_instance.primary',
      }),
      expect.objectContaining({
        address: 'google_service_account.workload',
        stack: 'iam',
        reason: 're-addressed',
        to: 'project:google_service_account.workload',
      }),
    ]);
  });

  it('treats a rename covered by a moved block as a move, without a warning', () => {
    const current = new Map([[path('prod', 'cloudrun'), file(sql)]]);
    const next = new Map([
      [
        path('prod', 'cloudrun'),
        file(
          {
            google_sql_database_instance: {
              primary: { name: 'postgresql-ab12', deletion_protection: true },
            },
          },
          {
            moved: [
              {
                from: 'google_sql_database_instance.main',
                to: 'google_sql_database_instance.primary',
              },
            ],
          },
        ),
      ],
    ]);
    const diff = diffStacks(current, next);
    expect(diff.changes).toEqual([
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_sql_database_instance.primary',
        change: 'moved',
        from: 'google_sql_database_instance.main',
      },
    ]);
    expect(diff.warnings).toEqual([]);
  });

  it('reports every resource of a removed stack, and differing other files', () => {
    const current = new Map([
      [path('dev', 'project'), file({ google_project: { project: { project_id: 'p' } } })],
      ['terraform/dev/stacks/cloudrun/terraform.tfvars', 'resolved_image_tag = "a"\n'],
    ]);
    const next = new Map([
      ['terraform/dev/stacks/cloudrun/terraform.tfvars', 'resolved_image_tag = "b"\n'],
    ]);
    const diff = diffStacks(current, next);
    expect(diff.changes).toEqual([
      {
        environment: 'dev',
        stack: 'project',
        address: 'google_project.project',
        change: 'removed',
      },
    ]);
    expect(diff.warnings[0]).toMatchObject({ kind: 'GCP project', reason: 'destroyed' });
    expect(diff.files).toEqual([
      { path: 'terraform/dev/stacks/cloudrun/terraform.tfvars', change: 'changed' },
    ]);
  });

  it('does not warn about data sources', () => {
    const current = new Map([
      [
        path('dev', 'iam'),
        JSON.stringify({ data: { google_project: { p: { project_id: 'x' } } } }),
      ],
    ]);
    const diff = diffStacks(current, new Map([[path('dev', 'iam'), '{}']]));
    expect(diff.changes).toEqual([
      { environment: 'dev', stack: 'iam', address: 'data.google_project.p', change: 'removed' },
    ]);
    expect(diff.warnings).toEqual([]);
  });
});
