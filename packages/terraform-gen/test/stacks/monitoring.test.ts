import { synthesizeCase } from '../generate-fixture.js';
import { dataOf, expectResource, resourcesOf, stackOf } from '../expect-resource.js';

const domain = stackOf(synthesizeCase('service-domain'), 'prod', 'monitoring');
const data = stackOf(synthesizeCase('service-data'), 'prod', 'monitoring');
const job = stackOf(synthesizeCase('job-scheduled'), 'dev', 'monitoring');
const large = synthesizeCase('service-large');
const alertIDs = (s: ReturnType<typeof stackOf>) =>
  Object.keys(resourcesOf(s, 'google_monitoring_alert_policy')).sort();

describe('stack monitoring', () => {
  it('routes WARNING alerts to Slack and CRITICAL alerts to Slack and every owner’s Opsgenie', () => {
    const slack = ['slack_alerts-msp', 'slack_web-oncall'].map(
      (c) => `\${google_monitoring_notification_channel.${c}.id}`,
    );
    const opsgenie = ['opsgenie_owner_0', 'opsgenie_owner_1'].map(
      (c) => `\${google_monitoring_notification_channel.${c}.id}`,
    );
    for (const alert of Object.values(resourcesOf(domain, 'google_monitoring_alert_policy'))) {
      expect(alert['notification_channels']).toEqual(
        alert['severity'] === 'CRITICAL' ? [...slack, ...opsgenie] : slack,
      );
    }
    expectResource(
      domain,
      'google_monitoring_alert_policy',
      { severity: 'CRITICAL' },
      'custom_queue-backlog',
    );
    expectResource(
      domain,
      'opsgenie_api_integration',
      { type: 'GoogleStackdriver', suppress_notifications: false },
      'owner_0',
    );
    expectResource(
      stackOf(synthesizeCase('service-domain'), 'dev', 'monitoring'),
      'opsgenie_api_integration',
      { suppress_notifications: true },
    );
  });

  it('creates the per-environment Slack channel when configured', () => {
    expectResource(job, 'slack_conversation', {
      name: 'alerts-cron-job-dev',
      is_private: false,
      adopt_existing_channel: true,
    });
    expectResource(job, 'google_monitoring_notification_channel', {
      type: 'slack',
      labels: { channel_name: '#alerts-cron-job-dev' },
      sensitive_labels: [
        { auth_token: '${data.google_secret_manager_secret_version.slack_token.secret_data}' },
      ],
    });
  });

  it('has the container alerts for every workload, with the anchor thresholds', () => {
    expectResource(
      domain,
      'google_monitoring_alert_policy',
      {
        conditions: [
          {
            condition_threshold: [
              { threshold_value: 0.9, duration: '600s', comparison: 'COMPARISON_GT' },
            ],
          },
        ],
      },
      'container_cpu',
    );
    expectResource(
      domain,
      'google_monitoring_alert_policy',
      {
        conditions: [{ condition_threshold: [{ threshold_value: 9000 }] }],
      },
      'container_startup',
    );
    expectResource(
      job,
      'google_monitoring_alert_policy',
      {
        conditions: [{ condition_threshold: [{ threshold_value: 10000 }] }],
      },
      'container_startup',
    );
  });

  it('adds the instance count alert only when maxCount >= 5', () => {
    expectResource(
      stackOf(large, 'prod', 'monitoring'),
      'google_monitoring_alert_policy',
      {
        conditions: [{ condition_threshold: [{ threshold_value: 7 }] }],
      },
      'service_instance_count',
    );
    expect(alertIDs(domain)).not.toContain('service_instance_count');
  });

  it('watches job failures and, for scheduled jobs, missing executions (longest gap + 10 min)', () => {
    expect(alertIDs(job)).toEqual([
      'container_cpu',
      'container_memory',
      'container_startup',
      'job_job_execution_absence',
      'job_job_failures',
    ]);
    expectResource(
      job,
      'google_monitoring_alert_policy',
      {
        conditions: [{ condition_absent: [{ duration: '4200s' }] }],
      },
      'job_job_execution_absence',
    );
  });

  it('watches Redis and Cloud SQL, with the connection threshold from max_connections', () => {
    expect(alertIDs(data)).toEqual(
      expect.arrayContaining([
        'redis_memory',
        'redis_cpu',
        'redis_failover',
        'cloudsql_cloud_sql_server_up',
        'cloudsql_cloud_sql_connections',
      ]),
    );
    expectResource(
      data,
      'google_monitoring_alert_policy',
      {
        conditions: [{ condition_threshold: [{ threshold_value: 450 }] }],
      },
      'cloudsql_cloud_sql_connections',
    );
    expect(
      JSON.stringify(resourcesOf(data, 'google_monitoring_alert_policy')['cloudsql_cloud_sql_cpu']),
    ).toContain(
      'data-svc-prod-a1b2:${data.terraform_remote_state.cloudrun.outputs.cloudsql_instance_name}',
    );
  });

  it('turns responseCodeRatios into MQL and custom alerts into their query language', () => {
    const ratio = resourcesOf(domain, 'google_monitoring_alert_policy')[
      'response_code_ratio_server_errors'
    ];
    expect(ratio?.['display_name']).toBe('High Ratio of 5xx Responses');
    expect(JSON.stringify(ratio)).toContain(
      "metric.response_code_class = '5xx' && metric.response_code != '503'",
    );
    expectResource(domain, 'google_monitoring_alert_policy', {
      conditions: [
        {
          condition_prometheus_query_language: [
            { query: 'sum(queue_depth) > 1000', duration: '600s' },
          ],
        },
      ],
    });
  });

  it('checks a public domain from outside with the diagnostics secret', () => {
    expectResource(domain, 'google_monitoring_uptime_check_config', {
      monitored_resource: [{ type: 'uptime_url', labels: { host: 'app.example.com' } }],
      http_check: [
        {
          path: '/-/healthz',
          use_ssl: true,
          validate_ssl: true,
          mask_headers: true,
          headers: {
            Authorization:
              'Bearer ${data.terraform_remote_state.cloudrun.outputs.diagnostics_secret}',
          },
        },
      ],
    });
    expectResource(
      domain,
      'google_monitoring_alert_policy',
      { severity: 'CRITICAL' },
      'service_external_health_check',
    );
  });

  it('shows every alert on a dashboard, spec-defined groups first', () => {
    const dashboard = resourcesOf(domain, 'google_monitoring_dashboard')['alerts'];
    const definition = JSON.parse(String(dashboard?.['dashboard_json'])) as {
      displayName: string;
      mosaicLayout: { tiles: { widget: { title?: string; alertChart?: { name: string } } }[] };
    };
    expect(definition.displayName).toBe('MSP Alerts - Web App (prod)');
    const widgets = definition.mosaicLayout.tiles.map((t) => t.widget);
    const groups = widgets
      .filter((w) => w.title !== undefined && w.alertChart === undefined)
      .map((w) => w.title);
    expect(groups).toEqual([
      'Custom Alerts',
      'Response Code Ratio Alerts',
      'Cloud Run Service Alerts',
      'Container Alerts',
    ]);
    const charts = widgets.flatMap((w) => (w.alertChart === undefined ? [] : [w.alertChart.name]));
    expect(charts.sort()).toEqual(
      Object.keys(resourcesOf(domain, 'google_monitoring_alert_policy'))
        .map((a) => `\${google_monitoring_alert_policy.${a}.name}`)
        .sort(),
    );
  });

  it('outputs the channels and identity of the environment', () => {
    expect(Object.keys(domain.document.output ?? {}).sort()).toEqual([
      'alert_description_suffix',
      'environment_id',
      'notifications_critical',
      'notifications_warning',
      'service_id',
      'service_name',
    ]);
  });

  it('sends Sentry spike protection and issue alerts to the per-service channel when Sentry has a Slack integration', () => {
    const prod = stackOf(large, 'prod', 'monitoring');
    expect(dataOf(prod, 'sentry_organization_integration')).toEqual({
      slack: { organization: 'example-org', provider_key: 'slack', name: 'Example Org' },
    });
    const project = '${data.terraform_remote_state.cloudrun.outputs.sentry_project}';
    expectResource(prod, 'sentry_notification_action', {
      trigger_type: 'spike-protection',
      service_type: 'slack',
      projects: [project],
      integration_id: '${data.sentry_organization_integration.slack.id}',
      target_identifier: '${slack_conversation.alerts.id}',
      target_display: '#alerts-big-svc-prod',
    });
    expectResource(prod, 'sentry_issue_alert', {
      project,
      frequency: 60,
      actions_v2: [
        {
          slack_notify_service: {
            workspace: '${data.sentry_organization_integration.slack.id}',
            channel: '#alerts-big-svc-prod',
            tags: ['msp-big-svc-prod'],
          },
        },
      ],
    });
    expect(prod.document.provider?.['sentry']).toHaveLength(1);
    // Without the integration (or the per-service channel) Sentry is left alone.
    expect(resourcesOf(domain, 'sentry_issue_alert')).toEqual({});
    expect(resourcesOf(domain, 'sentry_notification_action')).toEqual({});
    expect(domain.document.provider?.['sentry']).toBeUndefined();
  });

  it('keeps the configured permanent members in the per-service channel', () => {
    expectResource(stackOf(large, 'prod', 'monitoring'), 'slack_conversation', {
      name: 'alerts-big-svc-prod',
      permanent_members: ['U000ROLLOUT'],
      action_on_update_permanent_members: 'none',
    });
    const basic = stackOf(synthesizeCase('service-basic'), 'prod', 'monitoring');
    expect(resourcesOf(basic, 'slack_conversation')['alerts']).not.toHaveProperty(
      'permanent_members',
    );
  });
});
