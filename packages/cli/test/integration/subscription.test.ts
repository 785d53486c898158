import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeRegistry, type FakeRegistry } from '../support/fake-registry.js';
import { memoryIo } from '../support/memory-io.js';
import { runMsp } from '../support/run-msp.js';
import { useTempDir } from '../support/temp-dir.js';

/** A subscription deploy: generate pins the tag's digest from a (local) registry. */
describe('msp generate with a subscription deploy and the real libraries', () => {
  const tempDir = useTempDir();
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });
  afterEach(() => registry.close());

  const spec = (host: string) =>
    [
      'service:',
      '  id: feed',
      '  owners: [team-feed]',
      '  description: Serves the feed.',
      'build:',
      `  image: ${host}/team/feed`,
      'environments:',
      '  - id: dev',
      '    projectID: feed-dev-1a2b',
      '    category: test',
      '    deploy:',
      '      type: subscription',
      '      subscription:',
      '        tag: main',
      '    instances:',
      '      resources: { cpu: 1, memory: 512Mi }',
      '',
    ].join('\n');

  it('pins the digest in the image lock and terraform.tfvars, keeps it while stable, and updates it with --no-stable', async () => {
    await mkdir(join(tempDir(), 'feed'));
    await writeFile(join(tempDir(), 'feed', 'service.yaml'), spec(registry.host));
    const first = registry.publish('team/feed', 'main', '{"schemaVersion":2,"build":1}');
    const generate = (...args: string[]) =>
      runMsp(['generate', 'feed/service.yaml', ...args], {
        io: memoryIo({
          cwd: tempDir(),
          env: { PATH: '', MSP_PLAIN_HTTP_REGISTRIES: registry.host },
        }),
      });
    const tfvars = () =>
      readFile(join(tempDir(), 'feed/terraform/dev/stacks/cloudrun/terraform.tfvars'), 'utf8');
    const lock = async () =>
      JSON.parse(await readFile(join(tempDir(), 'feed/terraform/images.lock.json'), 'utf8')) as {
        environments: unknown;
      };

    const created = await generate();
    // Only the embedded default's warnings (no msp.config.yaml above the temp directory).
    expect(created.stderr).not.toMatch(/error|deployed by its tag/);
    expect(created.code).toBe(0);
    expect(await tfvars()).toBe(`resolved_image_tag = "main@${first}"\n`);
    expect((await lock()).environments).toEqual({
      dev: { image: `${registry.host}/team/feed`, tag: 'main', digest: first },
    });
    expect(
      await readFile(join(tempDir(), 'feed/terraform/dev/stacks/cloudrun/main.tf.json'), 'utf8'),
    ).toContain(`"${registry.host}/team/feed:\${var.resolved_image_tag}"`);

    const second = registry.publish('team/feed', 'main', '{"schemaVersion":2,"build":2}');
    const requests = registry.requests.length;
    expect((await generate('--check')).code).toBe(0);
    expect(registry.requests.length).toBe(requests);

    // The lock alone pins it: without the generated stacks, the digest still comes from the
    // lock and the registry is not asked.
    await rm(join(tempDir(), 'feed/terraform/dev'), { recursive: true });
    expect((await generate()).code).toBe(0);
    expect(await tfvars()).toBe(`resolved_image_tag = "main@${first}"\n`);
    expect(registry.requests.length).toBe(requests);

    expect((await generate('--no-stable')).code).toBe(0);
    expect(await tfvars()).toBe(`resolved_image_tag = "main@${second}"\n`);
    expect((await lock()).environments).toEqual({
      dev: { image: `${registry.host}/team/feed`, tag: 'main', digest: second },
    });
  });

  it('generates with the plain tag and a warning saying how to pin it when neither lock nor registry has it', async () => {
    const host = registry.host;
    await registry.close();
    await mkdir(join(tempDir(), 'feed'));
    await writeFile(join(tempDir(), 'feed', 'service.yaml'), spec(host));
    const result = await runMsp(['generate', 'feed/service.yaml'], {
      io: memoryIo({ cwd: tempDir(), env: { PATH: '', MSP_PLAIN_HTTP_REGISTRIES: host } }),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `warning: environment dev: ${host}/team/feed:main is deployed by its tag, not pinned to a digest: terraform/images.lock.json has no entry for it and the registry could not be reached (cannot reach ${host}:`,
    );
    expect(result.stderr).toContain(
      'hint: run "msp generate" where the registry is reachable to pin it in terraform/images.lock.json',
    );
    expect(
      await readFile(
        join(tempDir(), 'feed/terraform/dev/stacks/cloudrun/terraform.tfvars'),
        'utf8',
      ),
    ).toBe('resolved_image_tag = "main"\n');
    await expect(readFile(join(tempDir(), 'feed/terraform/images.lock.json'))).rejects.toThrow();
    // An explicit refresh needs the registry.
    const refresh = await runMsp(['generate', 'feed/service.yaml', '--no-stable'], {
      io: memoryIo({ cwd: tempDir(), env: { PATH: '', MSP_PLAIN_HTTP_REGISTRIES: host } }),
    });
    expect(refresh.code).toBe(1);
    expect(refresh.stderr).toContain(`cannot reach ${host}`);
    registry = await startFakeRegistry();
  });

  it('fails clearly when the tag is not in the registry', async () => {
    await mkdir(join(tempDir(), 'feed'));
    await writeFile(join(tempDir(), 'feed', 'service.yaml'), spec(registry.host));
    const result = await runMsp(['generate', 'feed/service.yaml'], {
      io: memoryIo({ cwd: tempDir(), env: { PATH: '', MSP_PLAIN_HTTP_REGISTRIES: registry.host } }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cannot resolve subscription image tags');
    expect(result.stderr).toContain(
      `${registry.host}/team/feed:main: tag not found in the registry`,
    );
  });
});
