import { dataRef, dataSource } from '../../fragment.js';
import type { Expression } from '../../expression.js';
import { remoteOutput } from '../../remote-state.js';
import { sentryIssueAlertToSlack } from '../../resources/sentry-issue-alert.js';
import { sentrySpikeProtectionToSlack } from '../../resources/sentry-notification-action.js';
import { providerWithSecretToken } from '../../secret-provider.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';

/**
 * Sentry notifications to the per-service Slack channel, when the platform
 * config names the Sentry organisation's Slack integration: spike protection
 * notifications and an issue alert on the environment's Sentry project (an
 * output of the cloudrun stack).
 */
export function sentrySlackNotifications(
  ctx: StackContext,
  channel: { id: Expression; name: string },
): Fragment[] {
  const { spec, env, platform } = ctx;
  const sentry = platform.sentry;
  if (sentry?.slackIntegration === undefined) return [];
  const integrationID = dataRef('sentry_organization_integration', 'slack', 'id');
  const project = remoteOutput(ctx, 'cloudrun', 'sentry_project');
  return [
    ...providerWithSecretToken('sentry', 'token', 'sentry_auth_token', sentry.authTokenSecret),
    dataSource('sentry_organization_integration', 'slack', {
      organization: sentry.organization,
      provider_key: 'slack',
      name: sentry.slackIntegration,
    }),
    sentrySpikeProtectionToSlack('slack_spike_protection', {
      organization: sentry.organization,
      projects: [project],
      integrationID,
      channelID: channel.id,
      channelName: channel.name,
    }).fragment,
    sentryIssueAlertToSlack('slack', {
      organization: sentry.organization,
      project,
      integrationID,
      channel: channel.name,
      tags: [`msp-${spec.service.id}-${env.id}`],
    }).fragment,
  ];
}
