import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { memoryIo } from '../../test/support/memory-io.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';
import type { SpecIssue } from '@msp/spec';

const fixtures = join(__dirname, '../../test/fixtures/specs-a');

/** A spec of one production environment; the defaults make it valid. */
const spec = ({
  id = 'okay',
  description = 'Checks things.',
  projectID = `${id}-prod-1234`,
  category = 'external',
}: { id?: string; description?: string; projectID?: string; category?: string } = {}) =>
  [
    'service:',
    `  id: ${id}`,
    `  owners: [team-${id}]`,
    `  description: ${description}`,
    '  notionPageID: 0123456789abcdef0123456789abcdef',
    'build:',
    `  image: ghcr.io/example/${id}`,
    'environments:',
    '  - id: prod',
    `    projectID: ${projectID}`,
    `    category: ${category}`,
    '    deploy: {type: manual}',
    '    instances:',
    '      resources: {cpu: 1, memory: 512Mi}',
    '',
  ].join('\n');

describe('msp validate', () => {
  const tempDir = useTempDir();

  beforeEach(async () => {
    await mkdir(join(tempDir(), 'services/billing'), { recursive: true });
    await mkdir(join(tempDir(), 'services/ok'), { recursive: true });
    await mkdir(join(tempDir(), 'node_modules/dep'), { recursive: true });
    // A complete platform config: no platform-default warnings.
    await copyFile(join(fixtures, 'msp.config.yaml'), join(tempDir(), 'msp.config.yaml'));
    // Two errors (line 10 and 11) and a warning (line 4).
    await writeFile(
      join(tempDir(), 'services/billing/service.yaml'),
      spec({
        id: 'billing',
        description: 'TODO',
        projectID: 'other-prod-1234',
        category: 'production',
      }),
    );
    await writeFile(join(tempDir(), 'services/ok/service.yaml'), spec());
    await writeFile(join(tempDir(), 'node_modules/dep/service.yaml'), 'not: checked\n');
  });

  /** The platform config whose Terraform is too old for the generated stacks. */
  const useOldTerraform = () =>
    copyFile(join(fixtures, 'old-terraform/msp.config.yaml'), join(tempDir(), 'msp.config.yaml'));

  it('checks every spec under the directory, printing each issue in order with a code frame, and exits 1', async () => {
    const result = await runMsp(['validate'], { io: memoryIo({ cwd: tempDir() }) });
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toContain(
      'services/billing/service.yaml:4:16 warning service.description: description is still "TODO" [description-todo]',
    );
    expect(out).toContain(
      'services/billing/service.yaml:10:16 error environments[0].projectID: projectID "other-prod-1234" must start with the service ID: expecting format "billing-prod-<suffix>" [project-id-format]',
    );
    expect(out).toContain(
      [
        '     9 |   - id: prod',
        '  > 10 |     projectID: other-prod-1234',
        '       |                ^',
        '    11 |     category: production',
        '  hint: msp init-env generates a valid project ID',
      ].join('\n'),
    );
    expect(out).toContain(
      'services/billing/service.yaml:11:15 error environments[0].category: invalid value "production": must be one of test, internal, external [invalid-value]',
    );
    expect(out.indexOf(':4:16')).toBeLessThan(out.indexOf(':10:16'));
    expect(out.indexOf(':10:16')).toBeLessThan(out.indexOf(':11:15'));
    expect(out).toContain('services/billing/service.yaml: invalid (2 errors, 1 warning)\n');
    expect(out).toContain('services/ok/service.yaml: valid\n');
    expect(out).toContain('Checked 2 specs: 1 invalid\n');
    expect(out).not.toContain('node_modules');
  });

  it('exits 0 when the only issues are warnings', async () => {
    await writeFile(join(tempDir(), 'services/ok/service.yaml'), spec({ description: 'TODO' }));
    const result = await runMsp(['validate', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'services/ok/service.yaml:4:16 warning service.description: description is still "TODO" [description-todo]',
    );
    expect(result.stdout).toContain('services/ok/service.yaml: valid (0 errors, 1 warning)\n');
    expect(result.stdout).toContain('Checked 1 spec: all valid');
  });

  it('prints JSON with --json', async () => {
    const result = await runMsp(['validate', '--json'], { io: memoryIo({ cwd: tempDir() }) });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      specs: { file: string; valid: boolean; issues: SpecIssue[] }[];
    };
    expect(report.valid).toBe(false);
    expect(report.specs.map((s) => [s.file, s.valid, s.issues.map((i) => i.code)])).toEqual([
      [
        join(tempDir(), 'services/billing/service.yaml'),
        false,
        ['description-todo', 'project-id-format', 'invalid-value'],
      ],
      [join(tempDir(), 'services/ok/service.yaml'), true, []],
    ]);
    expect(report.specs[0]?.issues[1]).toEqual({
      code: 'project-id-format',
      severity: 'error',
      path: 'environments[0].projectID',
      message:
        'projectID "other-prod-1234" must start with the service ID: expecting format "billing-prod-<suffix>"',
      hint: 'msp init-env generates a valid project ID',
      file: join(tempDir(), 'services/billing/service.yaml'),
      line: 10,
      column: 16,
    });
  });

  it('includes platform config issues, naming that file', async () => {
    await writeFile(join(tempDir(), 'msp.config.yaml'), 'billingAccount: nope\n');
    const result = await runMsp(['validate', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'msp.config.yaml:1:17 error billingAccount: billingAccount must look like "0X0X0X-0X0X0X-0X0X0X" (uppercase hex) [invalid-format]',
    );
    expect(result.stdout).toContain('> 1 | billingAccount: nope');
    expect(result.stdout).toContain(
      'services/ok/service.yaml: invalid (1 error); not checked until the platform config is fixed',
    );
  });

  it('with --conformance, generates a valid spec in memory, checks it against the provider schemas and writes nothing', async () => {
    const io = () => memoryIo({ cwd: tempDir() });
    const result = await runMsp(['validate', '--conformance', 'services/ok/service.yaml'], {
      io: io(),
    });
    expect(result.stdout).toBe('services/ok/service.yaml: valid\nChecked 1 spec: all valid\n');
    expect(result.code).toBe(0);
    const json = await runMsp(['validate', '--conformance', '--json', 'services/ok/service.yaml'], {
      io: io(),
    });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      valid: true,
      specs: [
        {
          file: join(tempDir(), 'services/ok/service.yaml'),
          service: 'okay',
          valid: true,
          issues: [],
          conformance: [],
        },
      ],
    });
    expect(await readdir(join(tempDir(), 'services/ok'))).toEqual(['service.yaml']);
  });

  it('reports a generation failure as an error instead of crashing', async () => {
    await useOldTerraform();
    const result = await runMsp(['validate', '--conformance', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'services/ok/service.yaml error generation failed: cannot generate Terraform:',
        '  environments.prod: stack cloudrun reads provider tokens as ephemeral values, which need Terraform 1.10 or later: terraformVersion in msp.config.yaml is 1.9.8 [generation-failed]',
        'services/ok/service.yaml: invalid (1 Terraform error)',
        'Checked 1 spec: 1 invalid',
        '',
      ].join('\n'),
    );
  });

  it('checks the spec alone without --conformance: nothing is generated', async () => {
    // Generating this spec fails (see above), so a valid verdict means it was not generated.
    await useOldTerraform();
    const result = await runMsp(['validate', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('services/ok/service.yaml: valid\nChecked 1 spec: all valid\n');
  });

  it('fails clearly for a missing file', async () => {
    const result = await runMsp(['validate', 'missing.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no such file: missing.yaml');
  });
});
