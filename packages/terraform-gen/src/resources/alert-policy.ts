import { resource } from '../fragment.js';
import type { AlertCondition, AlertSpec } from '../stacks/monitoring/alert-spec.js';
import type { Fragment } from '../terraform.js';

export interface AlertPolicyConfig {
  readonly alert: AlertSpec;
  /** `<Name> (<env>)` */
  readonly subject: string;
  readonly descriptionSuffix: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly notificationChannels: readonly string[];
}

function conditionBlock(c: AlertCondition) {
  const aggregations = (a: Extract<AlertCondition, { aggregation: unknown }>['aggregation']) => [
    {
      alignment_period: a.alignmentPeriod,
      per_series_aligner: a.perSeriesAligner,
      ...(a.crossSeriesReducer === undefined ? {} : { cross_series_reducer: a.crossSeriesReducer }),
      ...(a.groupByFields === undefined ? {} : { group_by_fields: [...a.groupByFields] }),
    },
  ];
  switch (c.kind) {
    case 'threshold':
      return {
        condition_threshold: [
          {
            filter: c.filter,
            comparison: c.comparison,
            threshold_value: c.threshold,
            duration: c.duration ?? '0s',
            aggregations: aggregations(c.aggregation),
            trigger: [c.trigger ?? { count: 1 }],
          },
        ],
      };
    case 'absent':
      return {
        condition_absent: [
          {
            filter: c.filter,
            duration: c.duration,
            aggregations: aggregations(c.aggregation),
            trigger: [{ count: 1 }],
          },
        ],
      };
    case 'mql':
      return { condition_monitoring_query_language: [{ query: c.query, duration: c.duration }] };
    case 'promql':
      return { condition_prometheus_query_language: [{ query: c.query, duration: c.duration }] };
  }
}

/** An alert policy with one condition, documentation and routing by severity; closes after a day. */
export function alertPolicy(id: string, c: AlertPolicyConfig): { fragment: Fragment } {
  const { alert } = c;
  return {
    fragment: resource('google_monitoring_alert_policy', id, {
      display_name: alert.name,
      combiner: 'OR',
      severity: alert.severity,
      documentation: [
        {
          subject: `${c.subject}: ${alert.name}`,
          content: `${alert.description}\n\n${c.descriptionSuffix}`,
          mime_type: 'text/markdown',
        },
      ],
      user_labels: { ...c.labels, msp_alert_id: alert.id, resource_kind: alert.resourceKind },
      alert_strategy: [{ auto_close: '86400s' }],
      conditions: [{ display_name: alert.name, ...conditionBlock(alert.condition) }],
      notification_channels: [...c.notificationChannels],
    }),
  };
}
