import { googleProvider } from '../providers.js';
import { remoteOutput } from '../remote-state.js';
import { alertPolicy } from '../resources/alert-policy.js';
import type { Stack, StackContext } from '../stack.js';
import type { Fragment } from '../terraform.js';
import type { AlertSpec } from './monitoring/alert-spec.js';
import { notificationChannels } from './monitoring/channels.js';
import { alertsDashboard } from './monitoring/dashboard.js';
import { cloudRunAlerts } from './monitoring/cloudrun-alerts.js';
import { dataAlerts } from './monitoring/data-alerts.js';
import { specAlerts } from './monitoring/spec-alerts.js';
import { uptimeCheck } from './monitoring/uptime.js';

/**
 * Stack `monitoring`: notification channels, the alert catalogue routed by
 * severity (WARNING to Slack, CRITICAL also to Opsgenie), and the uptime
 * check of a public domain.
 */
export function monitoringStack(ctx: StackContext): Stack {
  const { spec, env } = ctx;
  const kind = spec.service.kind;
  const channels = notificationChannels(ctx);
  const fragments: Fragment[] = [googleProvider(env), ...channels.fragments];
  const alerts: AlertSpec[] = [
    ...specAlerts(kind, env.cloudRunName, spec.monitoring),
    ...cloudRunAlerts(kind, env),
    ...dataAlerts(
      env,
      env.resources.postgreSQL === undefined
        ? undefined
        : remoteOutput(ctx, 'cloudrun', 'cloudsql_instance_name'),
    ),
  ];

  const uptime = uptimeCheck(ctx);
  fragments.push(...uptime.fragments);
  alerts.push(...uptime.alerts);

  const suffix =
    `See ${spec.service.handbookURL ?? 'the service handbook'} -> **${env.id}** for service and infrastructure ` +
    'access details for this environment.';
  const labels = {
    source: 'managed-services-platform',
    msp_service_id: spec.service.id,
    msp_environment_id: env.id,
  };
  const policies = alerts.map((alert) => ({
    address: `${alert.group}_${alert.id}`.replace(/[^a-z0-9_-]/g, '_'),
    spec: alert,
  }));
  for (const { address, spec: alert } of policies) {
    fragments.push(
      alertPolicy(address, {
        alert,
        subject: `${spec.service.name} (${env.id})`,
        descriptionSuffix: suffix,
        labels,
        notificationChannels: alert.severity === 'CRITICAL' ? channels.critical : channels.warning,
      }).fragment,
    );
  }
  fragments.push(
    alertsDashboard(
      `MSP Alerts - ${spec.service.name} (${env.id})`,
      spec.service.handbookURL === undefined ? '' : `Handbook: ${spec.service.handbookURL}`,
      policies,
    ),
  );

  return {
    name: 'monitoring',
    fragments,
    outputs: {
      notifications_warning: {
        value: channels.warning,
        description: 'Notification channels of WARNING alerts.',
      },
      notifications_critical: {
        value: channels.critical,
        description: 'Notification channels of CRITICAL alerts.',
      },
      service_id: { value: spec.service.id, description: 'The service ID.' },
      environment_id: { value: env.id, description: 'The environment ID.' },
      service_name: { value: spec.service.name, description: 'The service name.' },
      alert_description_suffix: {
        value: suffix,
        description: 'Text appended to every alert description.',
      },
    },
  };
}
