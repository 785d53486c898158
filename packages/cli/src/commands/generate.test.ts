import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fakeDeps } from '../../test/support/fake-deps.js';
import { memoryIo } from '../../test/support/memory-io.js';
import { platformConfig } from '../../test/support/resolved-fixture.js';
import { runMsp } from '../../test/support/run-msp.js';
import { stackFiles } from '../../test/support/stack-files.js';
import { useTempDir } from '../../test/support/temp-dir.js';
import type { MspDeps, StackConformanceIssue } from '../deps.js';

const resources = (env: string, stack: string) =>
  stack === 'project'
    ? {
        google_project: { project: { project_id: `billing-${env}` } },
        google_project_service: { run: {}, iam: {} },
      }
    : {};

describe('msp generate', () => {
  const tempDir = useTempDir();
  let spec: string;
  let synthesized: Parameters<MspDeps['generateService']>[2][];
  let imageTagRequests: Parameters<MspDeps['resolveImageTags']>[1][];
  /** What the fake registry answers for dev's subscribed tag. */
  let registryTag = '1.0@sha256:aaa';
  let conformance: StackConformanceIssue[] = [];

  const deps = (): MspDeps => {
    let imageTags: Readonly<Record<string, string>> = {};
    const base = fakeDeps({
      files: (ids) => {
        const files = stackFiles(ids, resources);
        if (ids.includes('dev') && imageTags['dev'] !== undefined)
          files.set(
            'terraform/dev/stacks/cloudrun/terraform.tfvars',
            `resolved_image_tag = "${imageTags['dev']}"\n`,
          );
        return files;
      },
    });
    return {
      ...base,
      // Like the real one: stable keeps the tag pinned in the committed lock.
      resolveImageTags: async (_resolved, options) => {
        imageTagRequests.push(options);
        const kept = options.lock === undefined ? undefined : (JSON.parse(options.lock) as string);
        return { dev: options.stable && kept !== undefined ? kept : registryTag };
      },
      generateService: async (resolved, platform, options) => {
        synthesized.push(options);
        imageTags = options.imageTags ?? {};
        const generated = await base.generateService(resolved, platform, options);
        return { ...generated, conformance: options.conformance === true ? conformance : [] };
      },
    };
  };

  beforeEach(async () => {
    synthesized = [];
    imageTagRequests = [];
    conformance = [];
    registryTag = '1.0@sha256:aaa';
    spec = join(tempDir(), 'billing', 'service.yaml');
    await mkdir(join(tempDir(), 'billing'));
    await writeFile(spec, 'service: {id: billing}\n');
  });

  const run = (args: string[], io = memoryIo({ cwd: tempDir() })) =>
    runMsp(['generate', ...args], { io, deps: deps() });

  it('writes every stack beside the spec and summarises resources per stack', async () => {
    const result = await run([]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readdir(join(tempDir(), 'billing/terraform/prod/stacks'))).toEqual([
      'cloudrun',
      'iam',
      'project',
    ]);
    expect(
      JSON.parse(
        await readFile(
          join(tempDir(), 'billing/terraform/dev/stacks/project/main.tf.json'),
          'utf8',
        ),
      ),
    ).toMatchObject({
      resource: { google_project: { project: { project_id: 'billing-dev' } } },
    });
    expect(result.stdout).toContain('billing (billing/service.yaml): 9 files changed, 0 unchanged');
    expect(result.stdout).toContain(
      [
        '  environment  stack     resources',
        '  dev          cloudrun          0',
        '  dev          iam               0',
        '  dev          project           3',
      ].join('\n'),
    );
    expect(imageTagRequests).toEqual([
      {
        stable: true,
        googleAccessToken: expect.any(Function),
        plainHTTPHosts: [],
        onUnpinned: expect.any(Function),
      },
    ]);
    expect(synthesized).toEqual([{ imageTags: { dev: '1.0@sha256:aaa' }, conformance: false }]);
  });

  it('is idempotent: a second run writes nothing', async () => {
    await run([]);
    const result = await run([]);
    expect(result.stdout).toContain('up to date, 9 unchanged');
  });

  it('--check passes on fresh output and catches a stale file, writing nothing', async () => {
    await run([]);
    expect((await run(['--check'])).code).toBe(0);
    const file = join(tempDir(), 'billing/terraform/prod/stacks/iam/main.tf.json');
    await writeFile(file, '{"stale": true}\n');
    const result = await run(['--check']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('would update billing/terraform/prod/stacks/iam/main.tf.json');
    expect(result.stderr).toContain('generated Terraform is stale for billing');
    expect(await readFile(file, 'utf8')).toBe('{"stale": true}\n');
  });

  it('--check catches an obsolete generated file, and generate removes it', async () => {
    await run([]);
    const obsolete = join(tempDir(), 'billing/terraform/prod/stacks/old/main.tf.json');
    await mkdir(join(tempDir(), 'billing/terraform/prod/stacks/old'));
    await writeFile(obsolete, '{}\n');
    await writeFile(
      join(tempDir(), 'billing/terraform/prod/stacks/iam/.terraform.lock.hcl'),
      '# kept\n',
    );
    const check = await run(['--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('would remove billing/terraform/prod/stacks/old/main.tf.json');
    const result = await run([]);
    expect(result.stdout).toContain('removed billing/terraform/prod/stacks/old/main.tf.json');
    await expect(readFile(obsolete)).rejects.toThrow();
    expect(
      await readFile(
        join(tempDir(), 'billing/terraform/prod/stacks/iam/.terraform.lock.hcl'),
        'utf8',
      ),
    ).toBe('# kept\n');
  });

  it('--dry-run lists the files and writes nothing', async () => {
    const result = await run(['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'would create billing/terraform/dev/stacks/project/main.tf.json',
    );
    expect(await readdir(join(tempDir(), 'billing'))).toEqual(['service.yaml']);
  });

  it('passes the committed image lock to resolution, which keeps it unless --no-stable', async () => {
    await run([]);
    registryTag = '1.0@sha256:bbb';
    // The committed lock, as the real resolution writes it; the tfvars are never read back.
    await writeFile(join(tempDir(), 'billing/terraform/images.lock.json'), '"1.0@sha256:aaa"');
    const tfvarsFile = join(tempDir(), 'billing/terraform/dev/stacks/cloudrun/terraform.tfvars');
    await run([]);
    expect(imageTagRequests.at(-1)).toMatchObject({ lock: '"1.0@sha256:aaa"', stable: true });
    expect(await readFile(tfvarsFile, 'utf8')).toContain('aaa');
    await run(['--no-stable']);
    expect(imageTagRequests.at(-1)?.stable).toBe(false);
    expect(await readFile(tfvarsFile, 'utf8')).toContain('bbb');
  });

  it('with --conformance, writes nothing and exits 1 when a resource does not fit the provider schemas, naming stack and address', async () => {
    conformance = [
      {
        stack: 'prod/cloudrun',
        address: 'resource.google_cloud_run_v2_service.cloudrun',
        path: 'template[0].scaling',
        message: 'unknown attribute "bogus"',
      },
    ];
    expect((await run(['--dry-run'])).code).toBe(0);
    const result = await run(['--conformance']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: the generated Terraform of billing does not match the pinned provider schemas (1 problem):\n' +
        '  prod/cloudrun resource.google_cloud_run_v2_service.cloudrun: template[0].scaling: unknown attribute "bogus" [conformance]\n',
    );
    expect(await readdir(join(tempDir(), 'billing'))).toEqual(['service.yaml']);
  });

  it('generates one environment with --env, leaving the others alone', async () => {
    const result = await run(['billing/service.yaml', '--env', 'prod']);
    expect(result.code).toBe(0);
    expect(await readdir(join(tempDir(), 'billing/terraform'))).toEqual(['prod']);
    expect(synthesized).toEqual([
      { imageTags: { dev: '1.0@sha256:aaa' }, conformance: false, environmentIDs: ['prod'] },
    ]);
  });

  it('writes under --out/<service id>', async () => {
    const result = await run(['--out', 'generated']);
    expect(result.code).toBe(0);
    expect(await readdir(join(tempDir(), 'generated/billing/terraform'))).toEqual(['dev', 'prod']);
  });

  it('prints JSON with --json', async () => {
    const result = await run(['--json', '--dry-run']);
    const [entry] = JSON.parse(result.stdout) as {
      service: string;
      written: boolean;
      stacks: unknown[];
    }[];
    expect(entry).toMatchObject({ service: 'billing', written: false });
    expect(entry?.stacks).toContainEqual({ environment: 'prod', stack: 'project', resources: 3 });
  });

  it('reports an invalid spec and goes on with the others, exiting 1', async () => {
    await mkdir(join(tempDir(), 'broken'));
    await writeFile(join(tempDir(), 'broken/service.yaml'), 'service:\n  id: 12\n');
    const base = deps();
    const io = memoryIo({ cwd: tempDir() });
    const result = await runMsp(['generate'], {
      io,
      deps: {
        ...base,
        loadSpec: async (path, platform) =>
          path.includes('broken')
            ? {
                path,
                source: 'service:\n  id: 12\n',
                issues: [
                  {
                    code: 'wrong-type',
                    severity: 'error',
                    path: 'service.id',
                    message: 'must be a string',
                    line: 2,
                    column: 7,
                  },
                ],
              }
            : base.loadSpec(path, platform),
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'broken/service.yaml:2:7 error service.id: must be a string [wrong-type]',
    );
    expect(result.stderr).toContain('  > 2 |   id: 12\n      |       ^\n');
    expect(result.stderr).toContain('error: broken/service.yaml is invalid: 1 error');
    expect(await readdir(join(tempDir(), 'billing/terraform'))).toEqual(['dev', 'prod']);
  });

  it("prints the platform config's warnings once, however many specs use it", async () => {
    await mkdir(join(tempDir(), 'search'));
    await writeFile(join(tempDir(), 'search/service.yaml'), 'service: {id: search}\n');
    const base = deps();
    const file = join(tempDir(), 'msp.config.yaml');
    const result = await runMsp(['generate', '--out', 'out'], {
      io: memoryIo({ cwd: tempDir() }),
      deps: {
        ...base,
        loadPlatformConfig: async () => ({
          config: platformConfig(),
          file,
          source: 'state: {}\n',
          issues: [
            {
              code: 'platform-default',
              severity: 'warning',
              path: 'state',
              message: 'no state',
              file,
              line: 1,
              column: 1,
            },
          ],
        }),
      },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(billing/service.yaml)');
    expect(result.stdout).toContain('(search/service.yaml)');
    expect(result.stderr.match(/warning state: no state/g)).toHaveLength(1);
  });

  it('fails clearly for a missing spec or an unknown environment', async () => {
    const missing = await run(['nope.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file: nope.yaml');
    const unknown = await run(['--env', 'staging']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no environment "staging"');
  });

  it('says when there is no spec at all', async () => {
    const empty = await runMsp(['generate'], {
      io: memoryIo({ cwd: await mkdirEmpty(tempDir()) }),
      deps: deps(),
    });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no service.yaml under');
  });

  it('shows progress on a terminal when there are several specs', async () => {
    await mkdir(join(tempDir(), 'other'));
    await writeFile(join(tempDir(), 'other/service.yaml'), 'service: {id: other}\n');
    const io = memoryIo({ cwd: tempDir(), tty: true, env: { NO_COLOR: '1' } });
    await runMsp(['generate', '--dry-run'], { io, deps: deps() });
    expect(io.err()).toContain('[1/2] billing/service.yaml');
    expect(io.err()).toContain('[2/2] other/service.yaml');
  });
});

async function mkdirEmpty(root: string): Promise<string> {
  const dir = join(root, 'empty');
  await mkdir(dir);
  return dir;
}
