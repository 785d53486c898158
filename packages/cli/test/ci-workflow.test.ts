import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { ciFiles } from '../src/scaffold/ci-templates.js';
import { memoryIo } from './support/memory-io.js';
import { repoRoot } from './support/repository.js';
import { runMsp } from './support/run-msp.js';
import { useTempDir } from './support/temp-dir.js';

/**
 * The CI recipe `msp init --ci github` writes (packages/cli/templates/ci/github), and the
 * template's copy of it (apps/msp-example/.github), which must be the same files. Update the
 * copy with `UPDATE_GOLDENS=1 npx jest -c packages/cli/jest.config.cjs test/ci-workflow`.
 */
const TEMPLATE_COPY = join(repoRoot, 'apps', 'msp-example');
const SCHEMA = join(__dirname, 'fixtures', 'github-workflow', 'github-workflow.json');

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly permissions?: Record<string, string>;
  readonly if?: string;
  readonly steps: readonly Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

let files: Map<string, string>;
let workflowText: string;
let workflow: Workflow;

beforeAll(async () => {
  files = await ciFiles('github');
  workflowText = files.get('.github/workflows/msp.yml') ?? '';
  workflow = parseYaml(workflowText) as Workflow;
});

describe('the GitHub Actions workflow', () => {
  it('validates against the GitHub Actions workflow JSON schema (SchemaStore, pinned)', async () => {
    const schema = JSON.parse(await readFile(SCHEMA, 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect({ valid: validate(workflow), errors: validate.errors ?? [] }).toEqual({
      valid: true,
      errors: [],
    });
    // The check can fail: a job without runs-on or steps is not a workflow.
    expect(validate({ on: 'push', jobs: { broken: { steps: 'npm test' } } })).toBe(false);
  });

  it('pins every action by full commit SHA, with its version tag in a comment', () => {
    const uses = [...workflowText.matchAll(/^\s*(?:- )?uses: (\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThanOrEqual(5);
    for (const [, action, comment] of uses)
      expect({ action, comment }).toEqual({
        action: expect.stringMatching(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/) as unknown,
        comment: expect.stringMatching(/^ # v\d+\.\d+\.\d+$/) as unknown,
      });
  });

  it('grants least privilege: nothing by default, id-token only where Google Cloud is used', () => {
    expect(workflow.permissions).toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect({ name, permissions: job.permissions }).toEqual({
        name,
        permissions: expect.any(Object) as unknown,
      });
      const usesGoogle = job.steps.some((s) => s.uses?.startsWith('google-github-actions/auth@'));
      expect({ name, idToken: job.permissions?.['id-token'] }).toEqual({
        name,
        idToken: usesGoogle ? 'write' : undefined,
      });
    }
    expect(workflow.jobs['pull-request']?.permissions).toEqual({
      contents: 'read',
      'pull-requests': 'write',
    });
    expect(workflow.jobs['plan-release']?.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs['release']?.permissions).toEqual({
      contents: 'read',
      'id-token': 'write',
    });
    // Workload identity federation: no key file anywhere.
    expect(workflowText).not.toMatch(/credentials_json|GOOGLE_APPLICATION_CREDENTIALS|secrets\./);
  });

  it('runs nx affected, msp generate --check and msp diff on pull requests; msp release on main', () => {
    const runs = (job: string) =>
      (workflow.jobs[job]?.steps ?? []).map((s) => s.run ?? '').join('\n');
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(runs('pull-request')).toMatch(/npx nx affected -t lint test build/);
    expect(runs('pull-request')).toMatch(/npx msp generate "\$spec" --check/);
    expect(runs('pull-request')).toMatch(/ci\.mjs diff/);
    expect(runs('pull-request')).toMatch(/ci\.mjs post/);
    expect(runs('release')).toMatch(/npx msp release "\$SPEC" --tag "\$GITHUB_SHA"/);
    expect(workflow.jobs['release']?.steps.map((s) => s.uses?.split('@')[0])).toContain(
      'docker/build-push-action',
    );
  });

  it('is what the template (apps/msp-example) carries', async () => {
    for (const [path, content] of files) {
      const copy = join(TEMPLATE_COPY, path);
      if (process.env['UPDATE_GOLDENS'] === '1') {
        await mkdir(join(copy, '..'), { recursive: true });
        await writeFile(copy, content);
      }
      expect({ path, content: await readFile(copy, 'utf8') }).toEqual({ path, content });
    }
    const copies = await readdir(join(TEMPLATE_COPY, '.github'), { recursive: true });
    expect(
      copies
        .filter((p) => p.includes('.'))
        .map((p) => `.github/${p}`)
        .sort(),
    ).toEqual([...files.keys()].sort());
  });
});

describe('the pull request comment (ci.mjs comment) on real msp diff --json output', () => {
  const tempDir = useTempDir();
  const script = () =>
    join(repoRoot, 'packages', 'cli', 'templates', 'ci', 'github', 'msp', 'ci.mjs');

  /** msp diff --json of the example after `edit`, as ci.mjs diff stores it. */
  async function diffAfter(
    name: string,
    spec: string,
    edit: (text: string) => string,
  ): Promise<Record<string, unknown>> {
    const dir = join(tempDir(), name);
    await cp(join(repoRoot, 'apps', 'msp-example'), dir, {
      recursive: true,
      filter: (source) => !source.includes('node_modules'),
    });
    await cp(
      join(repoRoot, 'apps/msp-example/msp.config.yaml'),
      join(tempDir(), 'msp.config.yaml'),
    );
    const specFile = join(dir, spec);
    await writeFile(specFile, edit(await readFile(specFile, 'utf8')));
    const result = await runMsp(['diff', spec, '--json'], {
      io: memoryIo({ cwd: dir }),
    });
    expect(result.stderr).toBe('');
    const id = /^ {2}id: (\S+)$/m.exec(await readFile(specFile, 'utf8'))?.[1];
    return { service: id, spec: `${name}/${spec}`, diff: JSON.parse(result.stdout) as unknown };
  }

  function render(results: readonly Record<string, unknown>[]): string {
    const dir = join(tempDir(), 'diffs');
    execFileSync('mkdir', ['-p', dir]);
    results.forEach((result, i) =>
      execFileSync(process.execPath, [
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(join(dir, `00${i}.json`))}, process.argv[1])`,
        JSON.stringify(result),
      ]),
    );
    return execFileSync(process.execPath, [script(), 'comment', dir], {
      encoding: 'utf8',
      env: { ...process.env, GITHUB_SHA: '0123456789abcdef0123' },
    });
  }

  it('puts stateful replacements first, then per service and environment what changes', async () => {
    const region = await diffAfter('moved', 'service.yaml', (t) =>
      t.replace(
        /(- id: test\n(?:.*\n)*?    category: test\n)/,
        '$1    locations:\n      gcpRegion: europe-west2\n      gcpLocation: US\n',
      ),
    );
    const unchanged = await diffAfter('job', 'job/service.yaml', (t) => t);
    const comment = render([region, unchanged]);

    const diff = region['diff'] as {
      changes: { environment: string; action: string; address: string }[];
      warnings: { address: string; environment: string }[];
    };
    expect(diff.warnings.length).toBeGreaterThan(0);
    const lines = comment.split('\n');
    expect(lines[0]).toBe('<!-- msp:infrastructure-diff -->');
    const caution = lines.indexOf('> [!CAUTION]');
    const table = lines.findIndex((l) => l.startsWith('| service |'));
    expect(caution).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(caution);
    for (const warning of diff.warnings) {
      const at = lines.findIndex(
        (l) => l.startsWith('> - ') && l.includes(`\`${warning.address}\``),
      );
      expect({ address: warning.address, at: at > caution && at < table }).toEqual({
        address: warning.address,
        at: true,
      });
    }
    // The counts per environment are those of the diff.
    for (const environment of new Set(diff.changes.map((c) => c.environment))) {
      const count = (action: string) =>
        diff.changes.filter((c) => c.environment === environment && c.action === action).length;
      const lost = diff.warnings.filter((w) => w.environment === environment).length;
      expect(lines).toContain(
        `| msp-example | ${environment} | ${['create', 'update', 'replace', 'destroy', 'move'].map(count).join(' | ')} | ${lost > 0 ? `**${lost}**` : '0'} |`,
      );
    }
    expect(comment).toContain('No infrastructure changes: **msp-example-job**.');
    expect(comment).toContain('msp diff at 0123456789ab');
  });

  it('says so when nothing changes', async () => {
    const comment = render([await diffAfter('same', 'service.yaml', (t) => t)]);
    expect(comment).not.toContain('[!CAUTION]');
    expect(comment).not.toContain('| service |');
    expect(comment).toContain('No infrastructure changes: **msp-example**.');
  });
});
