import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeDeps } from '../../test/support/fake-deps.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { runMsp } from '../../test/support/run-msp.js';
import { stackFiles } from '../../test/support/stack-files.js';
import { useTempDir } from '../../test/support/temp-dir.js';

const withSQL = (env: string, stack: string) =>
  stack === 'cloudrun'
    ? {
        google_sql_database_instance: { main: { name: 'postgresql' } },
        google_cloud_run_v2_service: {
          cloudrun: {
            template: { env: [{ value: '${google_sql_database_instance.main.connection_name}' }] },
          },
        },
      }
    : stack === 'project'
      ? { google_project: { project: { project_id: `billing-${env}` } } }
      : {};
const withoutSQL = (env: string, stack: string) => {
  const resources: Record<string, Record<string, unknown>> = { ...withSQL(env, stack) };
  delete resources['google_sql_database_instance'];
  return resources;
};

describe('msp diff and msp graph', () => {
  const tempDir = useTempDir();

  beforeEach(async () => {
    await writeFile(join(tempDir(), 'service.yaml'), 'service: {id: billing}\n');
  });

  async function writeOnDisk(resources: typeof withSQL): Promise<void> {
    for (const [path, content] of stackFiles(['dev', 'prod'], resources)) {
      await mkdir(join(tempDir(), path, '..'), { recursive: true });
      await writeFile(join(tempDir(), path), content);
    }
  }

  it('says there is nothing to do when the files match', async () => {
    await writeOnDisk(withSQL);
    const result = await runMsp(['diff'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: fakeDeps({ files: (ids) => stackFiles(ids, withSQL) }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('No changes: the Terraform on disk matches the spec.\n');
  });

  it('flags a removed SQL instance loudly', async () => {
    await writeOnDisk(withSQL);
    const result = await runMsp(['diff', '--env', 'prod'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: fakeDeps({ files: (ids) => stackFiles(ids, withoutSQL) }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'prod/cloudrun',
        '  - google_sql_database_instance.main',
        '',
        '0 to create, 0 to update in place, 0 to replace, 1 to destroy, 0 moved.',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      'WARNING: applying this would destroy 1 stateful resource, losing its data:',
    );
    expect(result.stdout).toContain(
      'prod/cloudrun google_sql_database_instance.main: Cloud SQL instance destroyed: loses every database, user and backup in the instance',
    );
    expect(result.stdout).not.toContain('dev/');
  });

  it("shows a new environment's resources as added, exits 1 with --exit-code, and prints JSON", async () => {
    const deps = fakeDeps({ files: (ids) => stackFiles(ids, withSQL) });
    const text = await runMsp(['diff', '--exit-code'], { io: memoryIo({ cwd: tempDir() }), deps });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('  + google_project.project');
    expect(text.stdout).toContain('+ terraform/dev/.terraform-version');
    const json = await runMsp(['diff', '--json'], { io: memoryIo({ cwd: tempDir() }), deps });
    const diff = JSON.parse(json.stdout) as { changes: { action: string }[]; warnings: unknown[] };
    expect(diff.changes.every((c) => c.action === 'create')).toBe(true);
    expect(diff.warnings).toEqual([]);
  });

  it('exits 1 with --fail-on-data-loss only when a stateful resource would be lost', async () => {
    await writeOnDisk(withSQL);
    const losing = await runMsp(['diff', '--fail-on-data-loss'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: fakeDeps({ files: (ids) => stackFiles(ids, withoutSQL) }),
    });
    expect(losing.code).toBe(1);
    const harmless = (env: string, stack: string) => ({
      ...withSQL(env, stack),
      ...(stack === 'iam' ? { google_service_account: { extra: { account_id: 'extra' } } } : {}),
    });
    const adding = await runMsp(['diff', '--fail-on-data-loss'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: fakeDeps({ files: (ids) => stackFiles(ids, harmless) }),
    });
    expect(adding.stdout).toContain('+ google_service_account.extra');
    expect(adding.code).toBe(0);
  });

  it('does not colour the warning when output is not a terminal, and does with --color', async () => {
    await writeOnDisk(withSQL);
    const deps = fakeDeps({ files: (ids) => stackFiles(ids, withoutSQL) });
    const plain = await runMsp(['diff', '--env', 'prod'], {
      io: memoryIo({ cwd: tempDir() }),
      deps,
    });
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await runMsp(['diff', '--env', 'prod', '--color'], {
      io: memoryIo({ cwd: tempDir() }),
      deps,
    });
    expect(coloured.stdout).toContain('\u001b[31m');
  });

  it('draws the environment as Mermaid or dot', async () => {
    const deps = fakeDeps({ files: (ids) => stackFiles(ids, withSQL) });
    const mermaid = await runMsp(['graph', 'service.yaml', '--env', 'dev'], {
      io: memoryIo({ cwd: tempDir() }),
      deps,
    });
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toContain('flowchart LR');
    expect(mermaid.stdout).toContain(
      'cloudrun_google_cloud_run_v2_service_cloudrun --> cloudrun_google_sql_database_instance_main',
    );
    const dot = await runMsp(['graph', 'service.yaml', '--env', 'dev', '--format', 'dot'], {
      io: memoryIo({ cwd: tempDir() }),
      deps,
    });
    expect(dot.stdout).toContain(
      '"cloudrun:google_cloud_run_v2_service.cloudrun" -> "cloudrun:google_sql_database_instance.main";',
    );
  });

  it('rejects an unknown graph format and a missing file', async () => {
    const deps = fakeDeps();
    const format = await runMsp(['graph', 'service.yaml', '--env', 'dev', '--format', 'png'], {
      io: memoryIo({ cwd: tempDir() }),
      deps,
    });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of mermaid, dot; got "png"');
    const missing = await runMsp(['graph'], { io: memoryIo({ cwd: tempDir() }), deps });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing <file>');
  });
});
