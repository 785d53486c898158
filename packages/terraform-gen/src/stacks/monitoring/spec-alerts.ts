import type { ResolvedMonitoring, ServiceKind } from '@msp/spec';
import type { AlertSpec } from './alert-spec.js';

/** MQL ratio of matching responses to all responses of the service, over 15 s buckets. */
function responseCodeQuery(
  serviceName: string,
  match: string,
  excluded: readonly string[],
  ratio: number,
): string {
  const exclude = excluded.map((c) => ` && metric.response_code != '${c}'`).join('');
  return [
    'fetch cloud_run_revision',
    "| metric 'run.googleapis.com/request_count'",
    `| filter resource.service_name =~ '^${serviceName}.*'`,
    '| align delta(15s)',
    '| every 15s',
    '| {',
    `    filter ${match}${exclude}`,
    '    | group_by [], [matched: sum(val())]',
    '  ;',
    `    filter true${exclude}`,
    '    | group_by [], [total: sum(val())]',
    '  }',
    '| join',
    '| value [ratio: val(0) / val(1)]',
    `| condition gt(val(), ${ratio})`,
  ].join('\n');
}

/** `responseCodeRatios` (services) and `customAlerts` from the spec. */
export function specAlerts(
  kind: ServiceKind,
  cloudRunName: string,
  monitoring: ResolvedMonitoring,
): AlertSpec[] {
  const ratios: AlertSpec[] =
    kind !== 'service'
      ? []
      : monitoring.responseCodeRatios.map((r) => ({
          id: r.id,
          group: 'response_code_ratio',
          name: `High Ratio of ${r.name} Responses`,
          description: r.description ?? `More than ${r.ratio * 100}% of responses are ${r.name}.`,
          severity: 'WARNING',
          resourceKind: 'cloud_run_revision',
          condition: {
            kind: 'mql',
            query: responseCodeQuery(
              cloudRunName,
              r.code !== undefined
                ? `metric.response_code = '${r.code}'`
                : `metric.response_code_class = '${r.codeClass ?? ''}'`,
              r.excludeCodes,
              r.ratio,
            ),
            duration: `${r.durationMinutes * 60}s`,
          },
        }));
  const custom: AlertSpec[] = monitoring.customAlerts.map((a) => ({
    id: a.id,
    group: 'custom',
    name: a.name,
    description: a.description ?? a.name,
    severity: a.severityLevel,
    resourceKind: 'custom',
    condition: {
      kind: a.condition.type,
      query: a.condition.query,
      duration: `${a.condition.durationMinutes * 60}s`,
    },
  }));
  return [...ratios, ...custom];
}
