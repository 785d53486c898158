/**
 * The template's CI workflow (.github/workflows/msp.yml), run step by step in a copy of the
 * template made a git repository, with @msp/* from the local registry: the pull-request job
 * (install, nx affected lint/test/build, generate --check, the diff, the one comment) against
 * a local GitHub API, for two pushes, and on main the release plan and the release job against the
 * local Cloud Deploy API. Each `run:` step runs as written; `uses:` steps have local
 * stand-ins (checkout: the copy is the checkout; setup-node: this Node on PATH; auth: the
 * fake's token; the image build: its inputs checked, tools/image/build-local.sh builds it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  startFakeCloudDeploy,
  type FakeCloudDeploy,
} from '../../../tools/testing/fake-cloud-deploy.js';
import { copyTemplate } from './support/copy-template.js';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github.js';
import {
  publishToLocalRegistry,
  testIfOnline,
  type PublishedRegistry,
} from './support/published.js';
import { cleanEnv } from './support/run.js';
import {
  matrixOf,
  runJob,
  type ActionStandIn,
  type Context,
  type Workflow,
} from './support/workflow-runner.js';
import { templateAppDir } from './support/workspace.js';

const onlineTest = testIfOnline('workflow test');

const REPOSITORY = 'example-corp/billing';
const GITHUB_TOKEN = 'github-token';
const GOOGLE_TOKEN = 'google-token';
const PR = 7;
const MARKER = '<!-- msp:infrastructure-diff -->';

let work: string;
let published: PublishedRegistry | undefined;
let github: FakeGitHub | undefined;
let cloudDeploy: FakeCloudDeploy | undefined;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'msp-workflow-test-'));
});
afterAll(async () => {
  await Promise.all([published?.registry.stop(), github?.close(), cloudDeploy?.close()]);
  rmSync(work, { recursive: true, force: true });
});

function git(repo: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: cleanEnv() }).trim();
}

function commitAll(repo: string, message: string): string {
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.name=ci', '-c', 'user.email=ci@example.com', 'commit', '-qm', message);
  return git(repo, 'rev-parse', 'HEAD');
}

/** What the final rollout stage's cloudrun stack declares: pipeline and skaffold object. */
function releaseTargets(repo: string): { pipeline: string; targets: string[]; object: string } {
  const main = JSON.parse(
    readFileSync(path.join(repo, 'terraform/prod/stacks/cloudrun/main.tf.json'), 'utf8'),
  ) as {
    provider: { google: { project: string }[] };
    resource: {
      google_clouddeploy_delivery_pipeline: Record<
        string,
        {
          location: string;
          name: string;
          serial_pipeline: { stages: { target_id: string }[] }[];
        }
      >;
      google_storage_bucket: { skaffold: { name: string } };
      google_storage_bucket_object: { skaffold_source: { name: string } };
    };
  };
  const [pipeline] = Object.values(main.resource.google_clouddeploy_delivery_pipeline);
  const project = main.provider.google[0]?.project;
  if (pipeline === undefined || project === undefined)
    throw new Error('the prod cloudrun stack has no delivery pipeline or project');
  return {
    pipeline: `projects/${project}/locations/${pipeline.location}/deliveryPipelines/${pipeline.name}`,
    targets: (pipeline.serial_pipeline[0]?.stages ?? []).map((s) => s.target_id),
    object: `gs://${main.resource.google_storage_bucket.skaffold.name}/${main.resource.google_storage_bucket_object.skaffold_source.name}`,
  };
}

onlineTest(
  'the template workflow: pull-request checks and one updated comment, then the release on main',
  async () => {
    published = await publishToLocalRegistry(mkdtempSync(path.join(work, 'verdaccio-')));
    const { npm, registry, versions } = published;

    // The team's repository: a copy of the template with its lock file, then a change.
    const repo = path.join(work, 'repo');
    copyTemplate(templateAppDir(), repo, versions);
    git(repo, 'init', '-q', '-b', 'main');
    await npm(repo, ['install', '--no-audit', '--no-fund'], 600_000);
    const base = commitAll(repo, 'the service, from the template');
    const specFile = path.join(repo, 'service.yaml');
    const edit = (from: string, to: string) => {
      const text = readFileSync(specFile, 'utf8');
      if (!text.includes(from)) throw new Error(`service.yaml has no "${from}"`);
      writeFileSync(specFile, text.replace(from, to));
    };
    const generate = () =>
      execFileSync('npx', ['msp', 'generate', 'service.yaml'], {
        cwd: repo,
        env: cleanEnv(),
        stdio: 'pipe',
      });
    edit('maxCount: 10', 'maxCount: 12');
    generate();
    const head = commitAll(repo, 'prod scales to 12 instances');

    const { pipeline, targets, object } = releaseTargets(repo);
    github = await startFakeGitHub(GITHUB_TOKEN, REPOSITORY);
    cloudDeploy = await startFakeCloudDeploy({
      token: GOOGLE_TOKEN,
      pipelines: { [pipeline]: targets },
      objects: [object],
    });

    const workflow = parse(
      readFileSync(path.join(repo, '.github/workflows/msp.yml'), 'utf8'),
    ) as Workflow;
    const checkedOut: string[] = [];
    const built: Record<string, string>[] = [];
    const actions: Record<string, ActionStandIn> = {
      'actions/checkout': () => {
        checkedOut.push(git(repo, 'rev-parse', 'HEAD'));
        return undefined;
      },
      'actions/setup-node': ({ 'node-version': version }) => {
        expect(process.versions.node.split('.')[0]).toBe(version);
        return { path: path.dirname(process.execPath) };
      },
      'google-github-actions/auth': ({ workload_identity_provider: provider }) => {
        expect(provider).toBe('projects/1/locations/global/workloadIdentityPools/ci/providers/gh');
        return { outputs: { access_token: GOOGLE_TOKEN } };
      },
      'docker/login-action': ({ password }) => {
        expect(password).toBe(GOOGLE_TOKEN);
        return undefined;
      },
      'docker/build-push-action': (inputs) => {
        built.push(inputs);
        return undefined;
      },
    };
    const runner = (event: string, sha: string, githubContext: Context) => ({
      cwd: repo,
      timeoutMs: 600_000,
      actions,
      env: cleanEnv({
        CI: 'true',
        npm_config_userconfig: registry.npmrc,
        npm_config_registry: registry.url,
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: event,
        GITHUB_SHA: sha,
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_API_URL: github?.address ?? '',
        MSP_CLOUDDEPLOY_ENDPOINT: cloudDeploy?.address ?? '',
      }),
      contexts: {
        github: {
          event_name: event,
          sha,
          ref: 'refs/heads/main',
          token: GITHUB_TOKEN,
          ...githubContext,
        },
        vars: {
          GCP_WORKLOAD_IDENTITY_PROVIDER:
            'projects/1/locations/global/workloadIdentityPools/ci/providers/gh',
          GCP_RELEASE_SERVICE_ACCOUNT: 'release@example-corp-ci.iam.gserviceaccount.com',
        },
      },
    });
    const pullRequest = (sha: string) =>
      runJob(
        workflow,
        'pull-request',
        runner('pull_request', sha, {
          event: { pull_request: { number: PR, base: { sha: base } } },
        }),
      );

    // The pull request: every step runs and passes, and one comment says what changes.
    const first = await pullRequest(head);
    expect(first.steps.filter((s) => !s.ran).map((s) => s.name)).toEqual([]);
    expect(checkedOut).toEqual([head]);
    expect(github.comments).toHaveLength(1);
    const [comment] = github.comments;
    expect(comment?.issue).toBe(PR);
    expect(comment?.body.startsWith(MARKER)).toBe(true);
    expect(comment?.body).toContain('msp-example');
    expect(comment?.body).toMatch(/prod/);
    expect(comment?.body).toMatch(/max_instance_count|maxCount|scaling/);

    // A second push to the pull request updates that comment instead of adding one.
    edit('maxCount: 12', 'maxCount: 14');
    generate();
    const second = commitAll(repo, 'prod scales to 14 instances');
    await pullRequest(second);
    expect(github.comments).toHaveLength(1);
    expect(github.requests.filter((r) => r.startsWith('PATCH'))).toHaveLength(1);
    expect(comment?.body).toContain(second.slice(0, 12));

    // The merge to main: the release plan names both images, the release job releases the
    // service (the job has no rollout) with the pushed commit as its tag.
    const push = runner('push', second, { event: { before: base } });
    const plan = await runJob(workflow, 'plan-release', push);
    const services = JSON.parse(plan.outputs['services'] ?? '[]') as { id: string }[];
    expect(services.map((s) => s.id).sort()).toEqual(['msp-example', 'msp-example-job']);
    const needs = { 'plan-release': { outputs: plan.outputs } };
    for (const matrix of matrixOf(workflow.jobs['release'] ?? { steps: [] }, { needs }))
      await runJob(workflow, 'release', push, { needs, matrix });
    expect(built.map((b) => b['target']).sort()).toEqual(['job', 'service']);
    for (const inputs of built) {
      expect(existsSync(path.join(repo, inputs['file'] ?? ''))).toBe(true);
      expect(inputs['tags']).toMatch(new RegExp(`:${second}$`));
    }
    const releases = [...cloudDeploy.releases.values()];
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({
      renderState: 'SUCCEEDED',
      deployParameters: { 'customTarget/tag': second },
    });
    expect([...cloudDeploy.rollouts.values()].map((r) => r.targetId)).toEqual([targets[0]]);
  },
  1_800_000,
);
