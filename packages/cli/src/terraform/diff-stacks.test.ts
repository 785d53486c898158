import { diffStacks as diffWith, type ReplacementLookup } from './diff-stacks.js';

// The real forcing-arguments table (loaded lazily, as the CLI does).
let table: ReplacementLookup = () => undefined;
beforeAll(async () => {
  table = (await import('@msp/terraform-gen')).replacementArguments;
});
const diffStacks = (a: Map<string, string>, b: Map<string, string>) => diffWith(a, b, table);

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
        action: 'update',
        arguments: ['template.containers.image'],
      },
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_redis_instance.redis',
        action: 'destroy',
      },
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_secret_manager_secret_version.diag',
        action: 'create',
      },
    ]);
    expect(diff.warnings).toEqual([
      {
        environment: 'prod',
        stack: 'cloudrun',
        address: 'google_redis_instance.redis',
        kind: 'Redis instance',
        loses: 'every key in the instance',
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
        loses: 'every database, user and backup in the instance',
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
        action: 'move',
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
        action: 'destroy',
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
      { environment: 'dev', stack: 'iam', address: 'data.google_project.p', action: 'destroy' },
    ]);
    expect(diff.warnings).toEqual([]);
  });

  describe('says what Terraform does with a changed resource', () => {
    const redis = (body: Record<string, unknown>, provider: Record<string, unknown> = {}) =>
      new Map([
        [
          path('prod', 'cloudrun'),
          JSON.stringify({
            provider: { google: [{ project: 'p', region: 'us-central1', ...provider }] },
            resource: {
              google_redis_instance: {
                redis: { name: 'redis', tier: 'BASIC', memory_size_gb: 1, ...body },
              },
            },
          }),
        ],
      ]);

    it('updates in place when no forcing argument changes, listing the arguments', () => {
      const diff = diffStacks(redis({}), redis({ memory_size_gb: 2 }));
      expect(diff.changes).toEqual([
        expect.objectContaining({ action: 'update', arguments: ['memory_size_gb'] }),
      ]);
      expect(diff.warnings).toEqual([]);
    });

    it('replaces when a forcing argument changes, and warns with what is lost', () => {
      const diff = diffStacks(redis({}), redis({ tier: 'STANDARD_HA' }));
      expect(diff.changes).toEqual([
        expect.objectContaining({
          address: 'google_redis_instance.redis',
          action: 'replace',
          arguments: ['tier'],
          forcedBy: ['tier'],
        }),
      ]);
      expect(diff.warnings).toEqual([
        expect.objectContaining({
          reason: 'replaced',
          forcedBy: ['tier'],
          loses: 'every key in the instance',
        }),
      ]);
    });

    it('replaces a resource that inherits a changed provider region', () => {
      const diff = diffStacks(redis({}), redis({}, { region: 'europe-west1' }));
      expect(diff.changes).toEqual([
        expect.objectContaining({ action: 'replace', forcedBy: ['region (provider default)'] }),
      ]);
    });

    it('does not replace a resource that sets the inherited argument itself', () => {
      const diff = diffStacks(
        redis({ region: 'us-central1' }),
        redis({ region: 'us-central1' }, { region: 'europe-west1' }),
      );
      expect(diff.changes).toEqual([]);
    });

    it('notes a conditional forcing argument without calling it a replacement', () => {
      const diff = diffStacks(
        redis({ redis_version: 'REDIS_7_0' }),
        redis({ redis_version: 'REDIS_7_2' }),
      );
      expect(diff.changes).toEqual([
        expect.objectContaining({
          action: 'update',
          mayForce: ['redis_version: conditional (CustomizeDiff ForceNewIfChange)'],
        }),
      ]);
    });

    it('replaces the dependants whose forcing argument refers to a replaced resource', () => {
      const stack = (region: string) =>
        new Map([
          [
            path('prod', 'cloudrun'),
            JSON.stringify({
              resource: {
                google_sql_database_instance: { main: { name: 'pg', region } },
                google_sql_database: {
                  db: { name: 'app', instance: '${google_sql_database_instance.main.name}' },
                },
                google_cloud_run_v2_service: {
                  run: {
                    name: 'svc',
                    location: 'x',
                    template: { labels: { a: '${google_sql_database_instance.main.name}' } },
                  },
                },
              },
            }),
          ],
        ]);
      const diff = diffStacks(stack('us-central1'), stack('europe-west1'));
      expect(diff.changes.map((c) => [c.address, c.action, c.forcedBy])).toEqual([
        [
          'google_sql_database.db',
          'replace',
          ['instance (google_sql_database_instance.main is replaced)'],
        ],
        ['google_sql_database_instance.main', 'replace', ['region']],
      ]);
      expect(diff.warnings.map((w) => w.kind)).toEqual([
        'Cloud SQL database',
        'Cloud SQL instance',
      ]);
    });

    it('says Terraform refuses a replacement of a resource with prevent_destroy', () => {
      const diff = diffStacks(
        redis({ lifecycle: { prevent_destroy: true } }),
        redis({ tier: 'STANDARD_HA', lifecycle: { prevent_destroy: true } }),
      );
      expect(diff.warnings).toEqual([expect.objectContaining({ refusedByPreventDestroy: true })]);
    });

    it('flags a type the table does not cover', () => {
      const one = (v: string) =>
        new Map([[path('dev', 'iam'), file({ google_made_up: { x: { name: v } } })]]);
      expect(diffStacks(one('a'), one('b')).changes).toEqual([
        expect.objectContaining({ action: 'update', unknownType: true }),
      ]);
    });
  });
});
