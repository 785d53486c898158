import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { EXAMPLE_SPECS, repoRoot } from '../support/repository.js';
import { useTempDir } from '../support/temp-dir.js';

/**
 * Runs the built binary as users do. Needs `npx nx run cli:build` first (the
 * test target depends on build); jest's `process.execPath` is the local Node.
 */
const packageDir = join(__dirname, '..', '..');
const bin = join(packageDir, 'bin', 'msp.js');
const built = join(packageDir, 'dist', 'bundle', 'msp.js');

function msp(
  args: string[],
  env: Record<string, string> = {},
  cwd: string = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8', cwd },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
  });
}

describe('the msp binary (bin/msp.js launching the build)', () => {
  beforeAll(() => {
    if (!existsSync(built))
      throw new Error(`${built} does not exist: run "npx nx run cli:build" first`);
  });

  it('prints the package version', async () => {
    const version = (
      JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }
    ).version;
    expect(await msp(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the same help as the golden file', async () => {
    const result = await msp(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      readFileSync(join(packageDir, 'test', 'golden', 'help', 'msp.txt'), 'utf8'),
    );
  });

  it('exits 2 with a message on a usage error, without colour when piped', async () => {
    const result = await msp(['generate', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: Unknown option \'--bogus\'\nhint: Run "msp generate --help" for usage.\n',
    );
  });

  it('exits 1 with a clear message for a missing spec, without a stack trace', async () => {
    const result = await msp(['logs', 'does-not-exist.yaml', '--env', 'dev']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: no such file: does-not-exist.yaml\n/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  describe('with the libraries', () => {
    const tempDir = useTempDir();
    const invalid = [
      'service:',
      '  id: billing',
      '  owners: [team-billing]',
      '  description: Bills customers.',
      'build:',
      '  image: ghcr.io/example/billing',
      'environments:',
      '  - id: prod',
      '    projectID: billing-prod-1234',
      '    category: production',
      '    regoin: us-central1',
      '    deploy: { type: manual }',
      '    instances: { resources: { cpu: 1, memory: 1Gi } }',
      '',
    ].join('\n');
    const writeInvalid = async () => {
      await mkdir(join(tempDir(), 'billing'));
      await writeFile(join(tempDir(), 'billing', 'service.yaml'), invalid);
    };

    it('validate accepts the example specs, exiting 0', async () => {
      const result = await msp(['validate', ...EXAMPLE_SPECS], {}, repoRoot);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(
        [
          'apps/msp-example/service.yaml: valid',
          'apps/msp-example/job/service.yaml: valid',
          'Checked 2 specs: all valid',
          '',
        ].join('\n'),
      );
      expect(result.code).toBe(0);
    });

    it('validate reports every issue of an invalid spec with a code frame, exiting 1', async () => {
      await writeInvalid();
      const result = await msp(['validate'], {}, tempDir());
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /^billing\/service\.yaml:10:15 error environments\[0\]\.category: .+ \[invalid-value\]$/m,
      );
      expect(result.stdout).toContain(
        ['  > 10 |     category: production', '       |               ^'].join('\n'),
      );
      expect(result.stdout).toMatch(
        /^billing\/service\.yaml:11:5 error environments\[0\]\.regoin: unknown field "regoin" \[unknown-field\]$/m,
      );
      expect(result.stdout).toContain('billing/service.yaml: invalid (2 errors');
      expect(result.stdout).toContain('Checked 1 spec: 1 invalid\n');
      expect(result.stdout).not.toContain('\u001b[');
    });

    it('validate --json prints the issues as data', async () => {
      await writeInvalid();
      const result = await msp(['validate', '--json', 'billing/service.yaml'], {}, tempDir());
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as {
        valid: boolean;
        specs: { valid: boolean; issues: { code: string; path: string; line: number }[] }[];
      };
      expect(report.valid).toBe(false);
      // The temporary directory has no msp.config.yaml: the embedded default warns first.
      expect(report.specs[0]?.issues.map((i) => [i.code, i.path, i.line])).toEqual([
        ['platform-default', '', undefined],
        ['platform-default', '', undefined],
        ['platform-default', '', undefined],
        // Features left out: Sentry, Slack channels, Opsgenie.
        ['platform-default', '', undefined],
        ['platform-default', '', undefined],
        ['platform-default', '', undefined],
        ['invalid-value', 'environments[0].category', 10],
        ['unknown-field', 'environments[0].regoin', 11],
      ]);
    });

    it('generate --dry-run on the example lists what it would do and writes nothing', async () => {
      const before = await readdir(join(repoRoot, 'apps/msp-example/terraform/prod/stacks'));
      const result = await msp(['generate', '--dry-run', EXAMPLE_SPECS[0]], {}, repoRoot);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const committed = await countFiles(join(repoRoot, 'apps/msp-example/terraform'));
      expect(result.stdout).toContain(
        `msp-example (apps/msp-example/service.yaml): up to date, ${committed} unchanged`,
      );
      expect(result.stdout).toMatch(/^ {2}prod {9}cloudrun +\d+$/m);
      expect(await readdir(join(repoRoot, 'apps/msp-example/terraform/prod/stacks'))).toEqual(
        before,
      );
    });

    it('generate --dry-run into an empty --out lists every file it would create', async () => {
      const result = await msp(
        ['generate', '--dry-run', '--out', tempDir(), join(repoRoot, EXAMPLE_SPECS[1])],
        {},
        repoRoot,
      );
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('would create');
      expect(result.stdout).toContain(
        'msp-example-job/terraform/test/stacks/cloudrun/main.tf.json',
      );
      expect(await readdir(tempDir())).toEqual([]);
    });

    it('init in a fresh directory writes a modeline that resolves, in both forms', async () => {
      const pack = await packSpec(tempDir());
      const packed = JSON.parse(
        execFileSync('tar', ['-xzOf', pack.tarball, 'package/schema/service.schema.json'], {
          encoding: 'utf8',
        }),
      ) as Record<string, unknown>;

      // The default: the published URL, which maps to a file of the packed package.
      const remote = await msp(['init', 'billing', '--owner', 'team-billing'], {}, tempDir());
      expect(remote).toMatchObject({ code: 0, stderr: '' });
      const url = modeline(join(tempDir(), 'billing', 'service.yaml'));
      const prefix = `https://unpkg.com/${pack.name}@${pack.version}/`;
      expect(url.startsWith(prefix)).toBe(true);
      expect(pack.files).toContain(url.slice(prefix.length));
      expect(packed['$id']).toBe(url);

      // --schema local: a path into the project's own node_modules, resolved as the YAML
      // language server resolves a relative modeline (against the document's directory).
      const project = join(tempDir(), 'project');
      const installed = join(project, 'node_modules', '@msp', 'spec');
      await mkdir(installed, { recursive: true });
      execFileSync('tar', ['-xzf', pack.tarball, '-C', installed, '--strip-components=1']);
      const local = await msp(
        ['init', 'billing', '--owner', 'team-billing', '--dir', 'services', '--schema', 'local'],
        {},
        project,
      );
      expect(local).toMatchObject({ code: 0, stderr: '' });
      const specFile = join(project, 'services', 'billing', 'service.yaml');
      const ref = modeline(specFile);
      expect(ref).toBe('../../node_modules/@msp/spec/schema/service.schema.json');
      const schemaFile = resolveModeline(specFile, ref);
      expect(existsSync(schemaFile)).toBe(true);
      const validate = new Ajv({ strict: false, allErrors: true }).compile(
        JSON.parse(readFileSync(schemaFile, 'utf8')) as object,
      );
      const ok = validate(parseYaml(readFileSync(specFile, 'utf8')));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      // The same check can fail: a spec without its environments does not validate.
      expect(validate({ service: { id: 'billing' } })).toBe(false);
    });
  });
});

/** The `$schema=` of a spec's `# yaml-language-server` modeline. */
function modeline(specFile: string): string {
  const line = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(specFile, 'utf8'));
  if (line?.[1] === undefined) throw new Error(`${specFile} has no modeline`);
  return line[1];
}

/**
 * The file a modeline names, by the YAML language server's rule: a reference that is not a
 * URL (http:, https:, file:) is a path relative to the directory of the YAML document.
 */
function resolveModeline(specFile: string, ref: string): string {
  if (/^(https?|file):/.test(ref)) return ref.startsWith('file:') ? fileURLToPath(ref) : ref;
  return resolve(dirname(specFile), ref);
}

/** `npm pack` of @msp/spec, as it would be published: tarball, name, version, file list. */
async function packSpec(
  into: string,
): Promise<{ tarball: string; name: string; version: string; files: string[] }> {
  const specDir = join(packageDir, '..', 'spec');
  const out = execFileSync(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', into],
    { cwd: specDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const [info] = JSON.parse(out) as {
    name: string;
    version: string;
    filename: string;
    files: { path: string }[];
  }[];
  if (info === undefined) throw new Error('npm pack printed no package');
  return {
    tarball: join(into, info.filename),
    name: info.name,
    version: info.version,
    files: info.files.map((file) => file.path),
  };
}

/** Number of files below `dir`, recursively. */
async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}
