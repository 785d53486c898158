import { HEALTHZ_PATH } from '@msp/spec/contract';
import { remoteOutput } from '../../remote-state.js';
import { httpsUptimeCheck } from '../../resources/uptime-check.js';
import type { StackContext } from '../../stack.js';
import type { Fragment } from '../../terraform.js';
import { metricFilter, type AlertSpec } from './alert-spec.js';

/**
 * The external uptime check of a public service's domain (authenticated
 * services cannot be probed from outside) and its CRITICAL alert. With
 * healthz probes on it calls `/-/healthz` with the diagnostics secret.
 */
export function uptimeCheck(ctx: StackContext): {
  fragments: Fragment[];
  alerts: AlertSpec[];
} {
  const { env } = ctx;
  const domain = env.service?.domain;
  if (domain === undefined || !env.service?.invokers.includes('allUsers'))
    return { fragments: [], alerts: [] };
  const probes = env.service.healthProbes;
  const check = httpsUptimeCheck('external', {
    displayName: `External Uptime Check for ${domain.dnsName}`,
    project: env.projectID,
    host: domain.dnsName,
    path: probes.enabled ? HEALTHZ_PATH : '/',
    timeoutSeconds: probes.enabled ? probes.timeoutSeconds : 10,
    headers: probes.enabled
      ? { Authorization: `Bearer ${remoteOutput(ctx, 'cloudrun', 'diagnostics_secret')}` }
      : {},
  });
  const alert: AlertSpec = {
    id: 'external_health_check',
    group: 'service',
    name: 'External Uptime Check',
    description: `${domain.dnsName} is failing its uptime check.`,
    severity: 'CRITICAL',
    resourceKind: 'uptime_url',
    condition: {
      kind: 'threshold',
      filter: metricFilter(
        'monitoring.googleapis.com/uptime_check/check_passed',
        'resource.type = "uptime_url"',
        `metric.labels.check_id = "${check.outputs.checkID}"`,
      ),
      aggregation: {
        alignmentPeriod: '180s',
        perSeriesAligner: 'ALIGN_FRACTION_TRUE',
        crossSeriesReducer: 'REDUCE_MEAN',
        groupByFields: ['metric.labels.host'],
      },
      comparison: 'COMPARISON_LT',
      threshold: 0.4,
      trigger: { percent: 100 },
    },
  };
  return { fragments: [check.fragment], alerts: [alert] };
}
