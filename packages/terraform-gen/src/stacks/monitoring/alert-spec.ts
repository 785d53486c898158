/** One alert of the catalogue, before it becomes a `google_monitoring_alert_policy`. */
export interface AlertSpec {
  /** Stable ID, part of the Terraform address (`<group>_<id>`). */
  readonly id: string;
  readonly group: string;
  readonly name: string;
  readonly description: string;
  readonly severity: 'WARNING' | 'CRITICAL';
  /** `cloud_run_revision`, `cloud_run_job`, `redis_instance`, `cloudsql_database`, `uptime_url`, `custom`. */
  readonly resourceKind: string;
  readonly condition: AlertCondition;
}

export interface Aggregation {
  readonly alignmentPeriod: string;
  readonly perSeriesAligner: string;
  readonly crossSeriesReducer?: string;
  readonly groupByFields?: readonly string[];
}

export type AlertCondition =
  | {
      readonly kind: 'threshold';
      readonly filter: string;
      readonly aggregation: Aggregation;
      readonly comparison: 'COMPARISON_GT' | 'COMPARISON_LT';
      readonly threshold: number;
      /** @default "0s" */
      readonly duration?: string;
      readonly trigger?: { readonly count: number } | { readonly percent: number };
    }
  | {
      readonly kind: 'absent';
      readonly filter: string;
      readonly aggregation: Aggregation;
      readonly duration: string;
    }
  | { readonly kind: 'mql' | 'promql'; readonly query: string; readonly duration: string };

/** `metric.type = "<metric>"` plus resource clauses, joined with AND. */
export function metricFilter(metric: string, ...clauses: string[]): string {
  return [`metric.type = "${metric}"`, ...clauses].join(' AND ');
}
