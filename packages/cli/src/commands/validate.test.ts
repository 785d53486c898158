import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeDeps } from '../../test/support/fake-deps.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { runMsp } from '../../test/support/run-msp.js';
import { useTempDir } from '../../test/support/temp-dir.js';
import type { MspDeps } from '../deps.js';
import type { SpecIssue } from '@msp/spec';

const source = [
  'service:',
  '  id: billing',
  'environments:',
  '  - id: prod',
  '    projectID: other-prod-1234',
  '    category: production',
  '',
].join('\n');

const issues: SpecIssue[] = [
  {
    code: 'invalid-value',
    severity: 'error',
    path: 'environments[0].category',
    message: 'must be one of test, internal, external',
    line: 6,
    column: 15,
    hint: 'Production is internal or external.',
  },
  {
    code: 'project-id-format',
    severity: 'error',
    path: 'environments[0].projectID',
    message: 'must start with "billing-"',
    line: 5,
    column: 16,
  },
  {
    code: 'deprecated-field',
    path: 'service.id',
    message: 'is fine, but here is a warning',
    line: 2,
    column: 3,
    severity: 'warning',
  },
];

describe('msp validate', () => {
  const tempDir = useTempDir();

  beforeEach(async () => {
    await mkdir(join(tempDir(), 'services/billing'), { recursive: true });
    await mkdir(join(tempDir(), 'services/ok'), { recursive: true });
    await mkdir(join(tempDir(), 'node_modules/dep'), { recursive: true });
    await writeFile(join(tempDir(), 'services/billing/service.yaml'), source);
    await writeFile(join(tempDir(), 'services/ok/service.yaml'), 'service: {id: ok}\n');
    await writeFile(join(tempDir(), 'node_modules/dep/service.yaml'), 'not: checked\n');
  });

  const deps = (): MspDeps => {
    const base = fakeDeps();
    return {
      ...base,
      loadSpec: async (path, platform) => {
        const loaded = await base.loadSpec(path, platform);
        return path.includes('billing') ? { path, source: loaded.source, issues } : loaded;
      },
    };
  };

  it('checks every spec under the directory, printing each issue in order with a code frame, and exits 1', async () => {
    const result = await runMsp(['validate'], { io: memoryIo({ cwd: tempDir() }), deps: deps() });
    expect(result.code).toBe(1);
    const out = result.stdout;
    expect(out).toContain(
      'services/billing/service.yaml:2:3 warning service.id: is fine, but here is a warning [deprecated-field]',
    );
    expect(out).toContain(
      'services/billing/service.yaml:5:16 error environments[0].projectID: must start with "billing-" [project-id-format]',
    );
    expect(out).toContain(
      [
        '  > 6 |     category: production',
        '      |               ^',
        '    7 |',
        '  hint: Production is internal or external.',
      ].join('\n'),
    );
    expect(out.indexOf(':2:3')).toBeLessThan(out.indexOf(':5:16'));
    expect(out.indexOf(':5:16')).toBeLessThan(out.indexOf(':6:15'));
    expect(out).toContain('services/billing/service.yaml: invalid (2 errors, 1 warning)');
    expect(out).toContain('services/ok/service.yaml: valid\n');
    expect(out).toContain('Checked 2 specs: 1 invalid\n');
    expect(out).not.toContain('node_modules');
  });

  it('exits 0 when the only issues are warnings', async () => {
    const base = fakeDeps({
      issues: [{ code: 'deprecated-field', path: '', message: 'old field', severity: 'warning' }],
    });
    const result = await runMsp(['validate', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: base,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('warning old field [deprecated-field]');
    expect(result.stdout).toContain('Checked 1 spec: all valid');
  });

  it('prints JSON with --json', async () => {
    const result = await runMsp(['validate', '--json'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      specs: { file: string; issues: SpecIssue[] }[];
    };
    expect(report.valid).toBe(false);
    expect(report.specs.map((s) => s.issues.length)).toEqual([3, 0]);
    expect(report.specs[0]?.issues[1]).toEqual(issues[1]);
  });

  it('includes platform config issues, naming that file', async () => {
    const base = fakeDeps();
    const config = join(tempDir(), 'msp.config.yaml');
    const result = await runMsp(['validate', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: {
        ...base,
        loadPlatformConfig: async () => ({
          file: config,
          source: 'billingAccount: nope\n',
          issues: [
            {
              code: 'invalid-format',
              severity: 'error',
              path: 'billingAccount',
              message: 'must look like XXXXXX-XXXXXX-XXXXXX',
              line: 1,
              column: 17,
            },
          ],
        }),
      },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'msp.config.yaml:1:17 error billingAccount: must look like XXXXXX-XXXXXX-XXXXXX [invalid-format]',
    );
    expect(result.stdout).toContain('> 1 | billingAccount: nope');
    expect(result.stdout).toContain(
      'services/ok/service.yaml: invalid (1 error); not checked until the platform config is fixed',
    );
  });

  it('reports generated resources that do not fit the provider schemas as errors, with stack and address', async () => {
    const deps = fakeDeps({
      conformance: [
        {
          stack: 'prod/project',
          address: 'resource.google_project.project',
          path: 'labels',
          message: 'expected a map of string',
        },
      ],
    });
    const io = () => memoryIo({ cwd: tempDir() });
    const result = await runMsp(['validate', '--conformance', 'services/ok/service.yaml'], {
      io: io(),
      deps,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'services/ok/service.yaml error prod/project resource.google_project.project: labels: expected a map of string [conformance]\n',
    );
    expect(result.stdout).toContain('services/ok/service.yaml: invalid (1 Terraform error)');
    const json = await runMsp(['validate', '--conformance', '--json', 'services/ok/service.yaml'], {
      io: io(),
      deps,
    });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      valid: false,
      specs: [
        { valid: false, issues: [], conformance: [{ stack: 'prod/project', path: 'labels' }] },
      ],
    });
  });

  it('reports a generation failure as an error instead of crashing', async () => {
    const deps = fakeDeps({
      overrides: {
        generateService: () => {
          throw new Error('stack cloudrun reads stack nope, which is not applied before it');
        },
      },
    });
    const result = await runMsp(['validate', '--conformance', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
      deps,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'services/ok/service.yaml error generation failed: stack cloudrun reads stack nope, which is not applied before it [generation]',
    );
  });

  it('checks the spec alone without --conformance: nothing is generated', async () => {
    let synthesized = 0;
    const deps = fakeDeps({
      conformance: [
        {
          stack: 'prod/project',
          address: 'resource.google_project.project',
          path: 'labels',
          message: 'x',
        },
      ],
      overrides: {
        generateService: () => {
          synthesized++;
          throw new Error('not to be called');
        },
      },
    });
    const result = await runMsp(['validate', 'services/ok/service.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
      deps,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('services/ok/service.yaml: valid');
    expect(synthesized).toBe(0);
  });

  it('fails clearly for a missing file', async () => {
    const result = await runMsp(['validate', 'missing.yaml'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: deps(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no such file: missing.yaml');
  });
});
