import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  startFakeCloudDeploy,
  type FakeCloudDeploy,
} from '../../../../tools/testing/fake-cloud-deploy.js';
import { memoryIo, type MemoryIo } from '../support/memory-io.js';
import { repoRoot } from '../support/repository.js';
import { runMsp } from '../support/run-msp.js';

/**
 * `msp release` for the example against a local Cloud Deploy API: the
 * release names the skaffold source the committed Terraform uploads and
 * carries the tag as a deploy parameter; its operation is waited for, its
 * render too, then the rollout to the first stage is created.
 */
jest.setTimeout(60_000);

describe('msp release with Cloud Deploy', () => {
  const token = 'google-token';
  const spec = 'apps/msp-example/service.yaml';
  const pipeline =
    'projects/msp-example-prod-2b9c/locations/us-central1/deliveryPipelines/msp-example-us-central1-rollout';
  let skaffoldUri: string;
  let api: FakeCloudDeploy;

  beforeAll(async () => {
    // What the committed prod cloudrun stack uploads, read independently of msp's parser.
    const main = JSON.parse(
      await readFile(
        join(repoRoot, 'apps/msp-example/terraform/prod/stacks/cloudrun/main.tf.json'),
        'utf8',
      ),
    ) as {
      resource: {
        google_storage_bucket: { skaffold: { name: string } };
        google_storage_bucket_object: { skaffold_source: { name: string } };
      };
    };
    skaffoldUri = `gs://${main.resource.google_storage_bucket.skaffold.name}/${main.resource.google_storage_bucket_object.skaffold_source.name}`;
  });
  beforeEach(async () => {
    api = await startFakeCloudDeploy({
      token,
      pipelines: { [pipeline]: ['test-us-central1', 'prod-us-central1'] },
      objects: [skaffoldUri],
    });
  });
  afterEach(() => api.close());

  const io = (env: Record<string, string> = {}): MemoryIo =>
    memoryIo({
      cwd: repoRoot,
      env: {
        PATH: '',
        GOOGLE_OAUTH_ACCESS_TOKEN: token,
        MSP_CLOUDDEPLOY_ENDPOINT: api.address,
        ...env,
      },
    });
  const msp = (argv: string[], withIo: MemoryIo = io()) => runMsp(argv, { io: withIo });

  it('creates the release and its first rollout, waiting for each operation and the render', async () => {
    const result = await msp(['release', spec, '--tag', 'v1.2.3', '--json']);
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as Record<string, string>;
    expect(out['release']).toMatch(/^rel-v1-2-3-\d{14}$/);
    expect(out).toMatchObject({
      tag: 'v1.2.3',
      target: 'test-us-central1',
      rollout: `${out['release']}-to-test-us-central1-0001`,
      pipeline,
      skaffoldConfigUri: skaffoldUri,
      releaseURL: `https://console.cloud.google.com/deploy/delivery-pipelines/us-central1/msp-example-us-central1-rollout/releases/${out['release']}?project=msp-example-prod-2b9c`,
    });
    const release = api.releases.get(`${pipeline}/releases/${out['release']}`);
    expect(release).toMatchObject({
      renderState: 'SUCCEEDED',
      skaffoldConfigUri: skaffoldUri,
      deployParameters: { 'customTarget/tag': 'v1.2.3' },
    });
    expect([...api.rollouts.values()]).toEqual([
      {
        name: `${pipeline}/releases/${out['release']}/rollouts/${out['rollout']}`,
        targetId: 'test-us-central1',
      },
    ]);
    // The release operation was polled to completion before the release was read, and the
    // rollout was created only once the release had rendered.
    const kinds = api.requests.map((r) =>
      r.startsWith('POST')
        ? r.endsWith('/rollouts')
          ? 'create rollout'
          : 'create release'
        : r.includes('/operations/')
          ? 'operation'
          : 'release',
    );
    expect(kinds.filter((k, i) => k !== kinds[i - 1])).toEqual([
      'create release',
      'operation',
      'release',
      'create rollout',
      'operation',
    ]);
  });

  it('prints the release and rollout links', async () => {
    const result = await msp(['release', spec, '--tag', 'abc123']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^release rel-abc123-\d{14} {2}https:\/\/console\.cloud\.google\.com\/deploy\/delivery-pipelines\/us-central1\/msp-example-us-central1-rollout\/releases\/rel-abc123-\d{14}\?project=msp-example-prod-2b9c\nrollout rel-abc123-\d{14}-to-test-us-central1-0001 to test-us-central1 {2}https:\/\/\S+\/rollouts\/rel-abc123-\d{14}-to-test-us-central1-0001\?project=msp-example-prod-2b9c\n$/,
    );
  });

  it('retries an unavailable API, and the retried create is deduplicated by its request ID', async () => {
    api.failNext(2, 503);
    const result = await msp(['release', spec, '--tag', 'v2']);
    expect(result.code).toBe(0);
    expect(api.requests.slice(0, 3)).toEqual(Array(3).fill(`POST /v1/${pipeline}/releases`));
    expect(api.releases.size).toBe(1);
  });

  it("fails with the API's message when it refuses", async () => {
    const result = await msp(
      ['release', spec, '--tag', 'v2'],
      io({ GOOGLE_OAUTH_ACCESS_TOKEN: 'expired' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Cloud Deploy: POST /v1/${pipeline}/releases returned 401 UNAUTHENTICATED: Request had invalid authentication credentials.`,
    );
    expect(result.stderr).toMatch(/gcloud auth login/);
    expect(api.releases.size).toBe(0);
  });

  it('says the pipeline is missing when the final stage was not applied', async () => {
    await api.close();
    api = await startFakeCloudDeploy({ token, pipelines: {}, objects: [] });
    const result = await msp(['release', spec, '--tag', 'v2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/returned 404 NOT_FOUND: DeliveryPipeline .* not found/);
    expect(result.stderr).toMatch(/msp apply/);
  });

  it('reports a failed render with its reason and the release link, and creates no rollout', async () => {
    await api.close();
    api = await startFakeCloudDeploy({
      token,
      pipelines: { [pipeline]: ['test-us-central1', 'prod-us-central1'] },
      objects: [],
    });
    const result = await msp(['release', spec, '--tag', 'v2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `test-us-central1: skaffold source ${skaffoldUri} does not exist`,
    );
    expect(result.stderr).toMatch(
      /release: https:\/\/console\.cloud\.google\.com\/\S+\/releases\/rel-v2-/,
    );
    expect(api.rollouts.size).toBe(0);
  });

  it('needs a Google access token and a tag', async () => {
    const noToken = await msp(
      ['release', spec, '--tag', 'v2'],
      io({ GOOGLE_OAUTH_ACCESS_TOKEN: '' }),
    );
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/no Google access token for Cloud Deploy/);
    expect(noToken.stderr).toMatch(/GOOGLE_OAUTH_ACCESS_TOKEN/);
    const noTag = await msp(['release', spec]);
    expect(noTag.code).toBe(2);
    expect(noTag.stderr).toMatch(/missing --tag/);
    expect(api.requests).toEqual([]);
  });

  it('retries a network failure with backoff, then says Cloud Deploy cannot be reached', async () => {
    await api.close();
    const result = await msp(
      ['release', spec, '--tag', 'v2'],
      io({ MSP_CLOUDDEPLOY_ENDPOINT: api.address }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `cannot reach Cloud Deploy at ${api.address} (POST /v1/${pipeline}/releases, 4 attempts)`,
    );
  });

  it('on Ctrl-C while an operation runs, leaves it and prints the release link', async () => {
    api.stallOperations();
    const withIo = io();
    const running = msp(['release', spec, '--tag', 'v3'], withIo);
    while (!api.requests.some((r) => r.includes('/operations/')))
      await new Promise((resolve) => setTimeout(resolve, 20));
    withIo.signals.emit('SIGINT');
    const result = await running;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /interrupted; the release may have been created: https:\/\/console\.cloud\.google\.com\/\S+\/releases\/rel-v3-\d{14}\?project=msp-example-prod-2b9c/,
    );
    expect(api.rollouts.size).toBe(0);
    // Nothing keeps polling behind the error.
    const sent = api.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(api.requests.length).toBe(sent);
  });

  it('refuses a service without a rollout, saying how its environments take an image', async () => {
    const result = await msp([
      'release',
      'packages/cli/test/anchor/service-scaffold/service.yaml',
      '--tag',
      'v2',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/has no rollout/);
    expect(result.stderr).toMatch(/deploy\.type manual/);
  });
});
