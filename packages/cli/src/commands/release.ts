import { defineCommand } from '../cli/command.js';
import { isMspError, MspError, UsageError } from '@msp/spec/errors';
import { interruption } from '../apply/stack-runs.js';
import { CLOUD_DEPLOY_ENDPOINT, CloudDeployClient, type Release } from '../clouddeploy/client.js';
import {
  cloudrunStackPath,
  finalRolloutStage,
  releaseID,
  releasePlan,
  releaseURL,
  rolloutID,
  rolloutURL,
} from '../clouddeploy/release-plan.js';
import { googleAccessToken } from '../gcp/access-token.js';
import { textOf } from '../fs/file-content.js';
import { readIfExists, resolveInside } from '../fs/write-files.js';
import { prepareSpec, specPath } from '../spec/prepare-spec.js';
import { jsonOption, specPositional } from './shared-options.js';

/** The deploy parameter the generated custom target's render action reads the image tag from. */
export const TAG_PARAMETER = 'customTarget/tag';

export const releaseCommand = defineCommand({
  name: 'release',
  summary: 'Create a Cloud Deploy release of an image tag and roll it out to the first stage',
  description: [
    "Creates a release in the service's Cloud Deploy pipeline (the rollout's final stage holds it)",
    'with the deploy parameter customTarget/tag set to --tag and the skaffold source the committed',
    'Terraform uploads, waits for it to render, then creates its rollout to the first stage and',
    'prints both links. Later stages are promoted in Cloud Deploy, as the pipeline defines.',
    'Credentials: GOOGLE_OAUTH_ACCESS_TOKEN, else "gcloud auth print-access-token".',
  ].join('\n'),
  positionals: [specPositional],
  options: {
    tag: {
      type: 'string',
      valueName: 'tag',
      description: 'Image tag to release (build.image:<tag>).',
    },
    json: jsonOption,
  },
  examples: [
    {
      description: 'Release the image built from the current commit',
      command: 'msp release services/billing/service.yaml --tag "$(git rev-parse HEAD)"',
    },
  ],
  async run({ io, options, args, colors }) {
    const tag = options.tag?.trim();
    if (tag === undefined || tag === '')
      throw new UsageError('missing --tag', {
        hint: 'Name the image tag to release: --tag v1.2.3',
      });
    const prepared = await prepareSpec(io, colors, specPath(io, args[0]));
    const environment = finalRolloutStage(prepared.resolved);
    const stack = readIfExists(resolveInside(prepared.dir, cloudrunStackPath(environment.id)));
    const plan = releasePlan(environment, textOf(stack));
    const token = await googleAccessToken(io);
    if (token === undefined)
      throw new MspError('google-credentials', 'no Google access token for Cloud Deploy', {
        hint: 'Set GOOGLE_OAUTH_ACCESS_TOKEN, or install gcloud and run "gcloud auth login" (in CI, authenticate as the releaser service account).',
      });
    const abort = new AbortController();
    const client = new CloudDeployClient({
      endpoint: io.env['MSP_CLOUDDEPLOY_ENDPOINT'] ?? CLOUD_DEPLOY_ENDPOINT,
      token,
      signal: abort.signal,
    });
    const release = releaseID(tag, new Date());
    const releaseName = `${plan.pipeline}/releases/${release}`;
    const target = plan.targets[0] ?? '';
    const rollout = rolloutID(release, target);
    const links = {
      release: releaseURL(plan, release),
      rollout: rolloutURL(plan, release, rollout),
    };
    const interrupted = interruption(io);
    // Every wait races Ctrl-C: what Cloud Deploy has accepted is left as it is, with its link.
    const step = async <T>(work: Promise<T>, left: string): Promise<T> => {
      try {
        return await Promise.race([work, interrupted.promise]);
      } catch (error) {
        if (isMspError(error, 'interrupted')) {
          abort.abort();
          throw new MspError('interrupted', `interrupted; ${left}`, {
            hint: 'Cloud Deploy goes on with what it accepted: follow it there.',
          });
        }
        throw error;
      }
    };
    try {
      io.stderr.write(`creating release ${release} of ${prepared.resolved.build.image}:${tag}\n`);
      await step(
        client.createRelease(plan.pipeline, release, {
          description: `msp release of ${prepared.resolved.service.id} at ${tag}`,
          skaffoldConfigUri: plan.skaffoldConfigUri,
          deployParameters: { [TAG_PARAMETER]: tag },
        }),
        `the release may have been created: ${links.release}`,
      );
      const rendered = await step(
        client.poll(
          () => client.getRelease(releaseName),
          (r) => r.renderState === 'SUCCEEDED' || r.renderState === 'FAILED',
        ),
        `release ${release} is rendering: ${links.release}`,
      );
      if (rendered.renderState === 'FAILED')
        throw renderFailure(rendered, links.release, plan.stackPath);
      io.stderr.write(`release ${release} rendered; rolling out to ${target}\n`);
      await step(
        client.createRollout(releaseName, rollout, target),
        `the rollout to ${target} may have been created: ${links.rollout}`,
      );
    } finally {
      interrupted.dispose();
    }
    const result = {
      release,
      releaseURL: links.release,
      rollout,
      rolloutURL: links.rollout,
      target,
      tag,
      image: `${prepared.resolved.build.image}:${tag}`,
      pipeline: plan.pipeline,
      skaffoldConfigUri: plan.skaffoldConfigUri,
    };
    io.stdout.write(
      options.json === true
        ? JSON.stringify(result, null, 2) + '\n'
        : `release ${release}  ${links.release}\nrollout ${rollout} to ${target}  ${links.rollout}\n`,
    );
    return 0;
  },
});

function renderFailure(release: Release, url: string, stackPath: string): MspError {
  const reasons = Object.entries(release.targetRenders ?? {})
    .filter(([, render]) => render.renderingState === 'FAILED')
    .map(
      ([target, render]) =>
        `${target}: ${render.failureMessage ?? render.failureCause ?? 'no reason given'}`,
    );
  return new MspError(
    'clouddeploy-render',
    `Cloud Deploy could not render the release${reasons.length > 0 ? `:\n  ${reasons.join('\n  ')}` : ''}\nrelease: ${url}`,
    {
      hint: `The skaffold source is uploaded by the final stage's cloudrun stack (${stackPath}): apply it, then release again.`,
    },
  );
}
