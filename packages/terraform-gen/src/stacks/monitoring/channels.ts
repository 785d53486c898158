import { dataRef, dataSource } from '../../fragment.js';
import { terraformIdentifier } from '../../names.js';
import { notificationChannel } from '../../resources/notification-channel.js';
import { opsgenieIntegration } from '../../resources/opsgenie-integration.js';
import { slackChannel } from '../../resources/slack-conversation.js';
import { providerWithSecretToken } from '../../secret-provider.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { sentrySlackNotifications } from './sentry-slack.js';

export interface Channels {
  readonly fragments: Fragment[];
  /** Channel IDs for WARNING alerts: Slack. */
  readonly warning: string[];
  /** Channel IDs for CRITICAL alerts: Slack plus each owner's Opsgenie. */
  readonly critical: string[];
}

/**
 * Notification channels from the platform config: the shared Slack
 * channels, a per-environment `#alerts-<svc>-<env>` channel (which Sentry
 * also notifies when configured), and one
 * Opsgenie integration per owner team (critical alerts only).
 */
export function notificationChannels(ctx: StackContext): Channels {
  const { spec, env, platform } = ctx;
  const fragments: Fragment[] = [];
  const warning: string[] = [];
  const n = platform.notifications;
  const slackToken = n.slackTokenSecret;
  if (slackToken !== undefined) {
    fragments.push(
      ...providerWithSecretToken('slack', 'token', 'slack_token', slackToken),
      // Cloud Monitoring keeps the token as a sensitive label, so it must be a stored value.
      dataSource('google_secret_manager_secret_version', 'slack_token', slackToken),
    );
    const channels = [...n.slackChannels];
    if (n.perServiceSlackChannel) {
      const name = `alerts-${spec.service.id}-${env.id}`;
      const handbook =
        spec.service.handbookURL === undefined
          ? ''
          : ` Operational handbook: ${spec.service.handbookURL}`;
      const channel = slackChannel('alerts', {
        name,
        topic: `Alerts from ${spec.service.name} (${env.id}) deployed on Managed Services Platform.${handbook}`,
        permanentMembers: n.slackPermanentMembers,
      });
      fragments.push(
        channel.fragment,
        ...sentrySlackNotifications(ctx, { id: channel.outputs.id, name: `#${name}` }),
      );
      channels.push(`#${name}`);
    }
    for (const channel of channels) {
      const c = notificationChannel(`slack_${terraformIdentifier(channel.replace(/^#/, ''))}`, {
        type: 'slack',
        displayName: `Slack - ${channel}`,
        labels: { channel_name: channel },
        authToken: dataRef('google_secret_manager_secret_version', 'slack_token', 'secret_data'),
      });
      fragments.push(c.fragment);
      warning.push(c.outputs.id);
    }
  }
  const critical = [...warning];
  const opsgenie = n.opsgenie;
  if (opsgenie !== undefined) {
    fragments.push(
      ...providerWithSecretToken('opsgenie', 'api_key', 'opsgenie_api_key', opsgenie.apiKeySecret),
    );
    spec.service.owners.forEach((owner, i) => {
      const integration = opsgenieIntegration(`owner_${i}`, {
        team: owner,
        serviceName: `${spec.service.name} - ${env.id}`,
        description: spec.service.description,
        tags: ['msp', spec.service.id, env.category],
        integrationName: `msp-${spec.service.id}-${env.id}-${terraformIdentifier(owner)}`,
        suppress: !env.alerting.opsgenie,
      });
      // Opsgenie's Stackdriver endpoint takes its key in the URL, so it cannot be a sensitive label.
      const channel = notificationChannel(`opsgenie_owner_${i}`, {
        type: 'webhook_tokenauth',
        displayName: `Opsgenie - ${owner}`,
        labels: {
          url: `https://api.opsgenie.com/v1/json/googlestackdriver?apiKey=${integration.outputs.apiKey}`,
        },
      });
      fragments.push(...integration.fragments, channel.fragment);
      critical.push(channel.outputs.id);
    });
  }
  return { fragments, warning, critical };
}
