import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryIo } from '../../test/support/memory-io.js';
import { DEV, PROD, platformConfigText, serviceSpecText } from '../../test/support/spec-text.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';

/** Service billing with `dev` and `prod`, each with PostgreSQL unless left out; Redis in dev on request. */
const billingSpec = (options: { postgreSQL?: boolean; devRedis?: boolean } = {}) => {
  const postgreSQL = options.postgreSQL ?? true;
  const resources = (redis: boolean) =>
    postgreSQL || redis
      ? [
          'resources:',
          ...(postgreSQL ? ['  postgreSQL: { databases: [primary] }'] : []),
          ...(redis ? ['  redis: { memoryGB: 1 }'] : []),
        ]
      : [];
  return serviceSpecText({
    environments: [
      { ...DEV, lines: resources(options.devRedis === true) },
      { ...PROD, lines: resources(false) },
    ],
  });
};

/** What `msp diff` says a destroyed Cloud SQL resource loses (docs/reference/change-safety.md). */
const SQL_LOSSES: Readonly<Record<string, string>> = {
  google_sql_database_instance:
    'Cloud SQL instance destroyed: loses every database, user and backup in the instance',
  google_sql_database: 'Cloud SQL database destroyed: loses its tables and rows',
  google_sql_user: 'Cloud SQL user destroyed: loses the role, its grants and objects it owns',
};

interface TerraformDocument {
  resource?: Record<string, Record<string, unknown>>;
  data?: Record<string, Record<string, unknown>>;
}

/** `<stack> <address>` → the block's body, for every resource and data source of an environment on disk. */
async function blocksOnDisk(dir: string, env: string): Promise<Map<string, unknown>> {
  const blocks = new Map<string, unknown>();
  const stacksDir = join(dir, 'terraform', env, 'stacks');
  for (const stack of await readdir(stacksDir)) {
    const text = await readFile(join(stacksDir, stack, 'main.tf.json'), 'utf8');
    const doc = JSON.parse(text) as TerraformDocument;
    for (const [prefix, byType] of [
      ['', doc.resource ?? {}],
      ['data.', doc.data ?? {}],
    ] as const) {
      for (const [type, byName] of Object.entries(byType))
        for (const [name, body] of Object.entries(byName))
          blocks.set(`${stack} ${prefix}${type}.${name}`, body);
    }
  }
  return blocks;
}

/** The one `<address>` of `type` in a stack, from `blocksOnDisk` keys. */
function onlyAddress(blocks: ReadonlyMap<string, unknown>, stack: string, type: string): string {
  const found = [...blocks.keys()]
    .filter((key) => key.startsWith(`${stack} ${type}.`))
    .map((key) => key.slice(stack.length + 1));
  expect(found).toHaveLength(1);
  return found[0] ?? '';
}

/** The address lines of `msp diff` text output, as `<env>/<stack> <mark> <address>`. */
function changeLines(stdout: string): string[] {
  const lines: string[] = [];
  let heading = '';
  for (const line of stdout.split('\n')) {
    if (/^\S+\/\S+$/.test(line)) heading = line;
    else if (line === '' || line === 'other files') heading = '';
    else if (heading !== '' && line.startsWith('  '))
      lines.push(`${heading} ${line.trim().split(' (')[0] ?? ''}`);
  }
  return lines;
}

describe('msp diff and msp graph', () => {
  const tempDir = useTempDir();
  const io = () => memoryIo({ cwd: tempDir() });
  const writeSpec = (options?: Parameters<typeof billingSpec>[0]) =>
    writeFile(join(tempDir(), 'service.yaml'), billingSpec(options));
  /** Writes the Terraform the current spec generates, as if it were applied. */
  async function generate(): Promise<void> {
    const result = await runMsp(['generate', '--quiet'], { io: io() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }

  beforeEach(async () => {
    await writeFile(join(tempDir(), 'msp.config.yaml'), platformConfigText());
    await writeSpec();
  });

  it('says there is nothing to do when the files match', async () => {
    await generate();
    const result = await runMsp(['diff'], { io: io() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('No changes: the Terraform on disk matches the spec.\n');
  });

  it('flags a removed SQL instance loudly', async () => {
    await generate();
    const applied = await blocksOnDisk(tempDir(), 'prod');
    const instance = onlyAddress(applied, 'cloudrun', 'google_sql_database_instance');
    await writeSpec({ postgreSQL: false });

    const result = await runMsp(['diff', '--env', 'prod'], { io: io() });
    await generate();
    const wanted = await blocksOnDisk(tempDir(), 'prod');
    const destroyed = [...applied.keys()].filter((key) => !wanted.has(key));
    const updated = [...wanted].filter(
      ([key, body]) =>
        applied.has(key) && JSON.stringify(applied.get(key)) !== JSON.stringify(body),
    );
    const line = (key: string, mark: string) => {
      const [stack, address] = key.split(' ');
      return `prod/${stack} ${mark} ${address}`;
    };

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(destroyed).toContain(`cloudrun ${instance}`);
    expect(changeLines(result.stdout).sort()).toEqual(
      [...destroyed.map((key) => line(key, '-')), ...updated.map(([key]) => line(key, '~'))].sort(),
    );
    expect(result.stdout).toContain(
      `\n0 to create, ${updated.length} to update in place, 0 to replace, ${destroyed.length} to destroy, 0 moved.\n`,
    );
    const sqlWarnings = destroyed.flatMap((key) => {
      const [stack = '', address = ''] = key.split(' ');
      const loses = SQL_LOSSES[address.split('.')[0] ?? ''];
      return loses === undefined ? [] : [`  prod/${stack} ${address}: ${loses}`];
    });
    expect(sqlWarnings).toContain(
      `  prod/cloudrun ${instance}: ${SQL_LOSSES['google_sql_database_instance']}`,
    );
    const banner = result.stdout.split('\n');
    const start = banner.findIndex((l) => l.startsWith('WARNING: '));
    const end = banner.findIndex((l) => l.startsWith('  If this is a rename'));
    expect(banner[start]).toBe(
      `WARNING: applying this would destroy ${sqlWarnings.length} stateful resources, losing their data:`,
    );
    expect(banner.slice(start + 1, end).sort()).toEqual(sqlWarnings.sort());
    expect(result.stdout).not.toContain('dev/');
  });

  it("shows a new environment's resources as added, exits 1 with --exit-code, and prints JSON", async () => {
    const text = await runMsp(['diff', '--exit-code'], { io: io() });
    const json = await runMsp(['diff', '--json'], { io: io() });
    await generate();
    const generated = [
      ...[...(await blocksOnDisk(tempDir(), 'dev')).keys()].map((key) => `dev/${key}`),
      ...[...(await blocksOnDisk(tempDir(), 'prod')).keys()].map((key) => `prod/${key}`),
    ];

    expect(text.code).toBe(1);
    expect(changeLines(text.stdout).sort()).toEqual(
      generated.map((key) => key.replace(' ', ' + ')).sort(),
    );
    expect(text.stdout).toContain('other files\n');
    expect(text.stdout).toContain('  + terraform/dev/.terraform-version\n');
    expect(text.stdout).toContain('  + terraform/prod/.terraform-version\n');
    expect(json.code).toBe(0);
    const diff = JSON.parse(json.stdout) as {
      changes: { environment: string; stack: string; address: string; action: string }[];
      warnings: unknown[];
    };
    expect(diff.changes.map((c) => `${c.environment}/${c.stack} ${c.address}`).sort()).toEqual(
      generated.sort(),
    );
    expect(new Set(diff.changes.map((c) => c.action))).toEqual(new Set(['create']));
    expect(diff.warnings).toEqual([]);
  });

  it('exits 1 with --fail-on-data-loss only when a stateful resource would be lost', async () => {
    await generate();
    await writeSpec({ postgreSQL: false });
    const losing = await runMsp(['diff', '--fail-on-data-loss'], { io: io() });
    expect(losing.stdout).toContain('WARNING: applying this would destroy');
    expect(losing.code).toBe(1);

    await writeSpec({ devRedis: true });
    const adding = await runMsp(['diff', '--fail-on-data-loss'], { io: io() });
    await generate();
    const redis = onlyAddress(
      await blocksOnDisk(tempDir(), 'dev'),
      'cloudrun',
      'google_redis_instance',
    );
    expect(changeLines(adding.stdout)).toContain(`dev/cloudrun + ${redis}`);
    expect(adding.stdout).not.toContain('WARNING');
    expect(adding.code).toBe(0);
  });

  it('does not colour the warning when output is not a terminal, and does with --color', async () => {
    await generate();
    await writeSpec({ postgreSQL: false });
    const plain = await runMsp(['diff', '--env', 'prod'], { io: io() });
    expect(plain.stdout).toContain('WARNING: applying this would destroy');
    expect(plain.stdout).not.toContain('\u001b[');
    const coloured = await runMsp(['diff', '--env', 'prod', '--color'], { io: io() });
    expect(coloured.stdout).toContain('\u001b[31m');
  });

  it('draws the environment as Mermaid or dot, with an arrow from Cloud Run to the SQL instance it uses', async () => {
    const mermaid = await runMsp(['graph', 'service.yaml', '--env', 'dev'], { io: io() });
    const dot = await runMsp(['graph', 'service.yaml', '--env', 'dev', '--format', 'dot'], {
      io: io(),
    });
    await generate();
    const blocks = await blocksOnDisk(tempDir(), 'dev');
    const service = onlyAddress(blocks, 'cloudrun', 'google_cloud_run_v2_service');
    const instance = onlyAddress(blocks, 'cloudrun', 'google_sql_database_instance');
    expect(JSON.stringify(blocks.get(`cloudrun ${service}`))).toContain(`\${${instance}.`);
    const nodeID = (address: string) => `cloudrun_${address.replace('.', '_')}`;

    expect(mermaid.stderr).toBe('');
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart LR\n/);
    expect(mermaid.stdout).toContain(`\n  ${nodeID(service)} --> ${nodeID(instance)}\n`);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toContain(`\n  "cloudrun:${service}" -> "cloudrun:${instance}";\n`);
  });

  it('rejects an unknown graph format and a missing file', async () => {
    const format = await runMsp(['graph', 'service.yaml', '--env', 'dev', '--format', 'png'], {
      io: io(),
    });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of mermaid, dot; got "png"');
    const missing = await runMsp(['graph'], { io: io() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing <file>');
  });
});
