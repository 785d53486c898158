import { sentryKey } from '../../resources/sentry-key.js';
import { sentryProject } from '../../resources/sentry-project.js';
import { providerWithSecretToken } from '../../secret-provider.js';
import type { StackContext } from '../../stack.js';
import { contractEnv } from './contract-env.js';
import type { CloudRunPart } from './part.js';

/** A Sentry project `<svc>-<env>` and key for `SENTRY_DSN`, when the platform config names a Sentry organisation. */
export function sentryPart({ spec, env, platform }: StackContext): CloudRunPart | undefined {
  const sentry = platform.sentry;
  if (sentry === undefined) return undefined;
  const project = sentryProject('sentry', {
    organization: sentry.organization,
    team: sentry.team,
    name: `${spec.service.name} - ${env.id}`,
    slug: `${spec.service.id}-${env.id}`,
  });
  const key = sentryKey('sentry', {
    organization: sentry.organization,
    project: project.outputs.slug,
    name: 'Managed Services Platform',
  });
  return {
    fragments: [
      ...providerWithSecretToken('sentry', 'token', 'sentry_auth_token', sentry.authTokenSecret),
      project.fragment,
      key.fragment,
    ],
    env: [contractEnv(spec.service.kind, 'SENTRY_DSN', key.outputs.dsn)],
    volumes: [],
    dependsOn: [],
    outputs: {
      sentry_project: { value: project.outputs.slug, description: 'Slug of the Sentry project.' },
    },
  };
}
