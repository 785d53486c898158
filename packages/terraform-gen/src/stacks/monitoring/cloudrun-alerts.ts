import type { ResolvedEnvironment, ServiceKind } from '@msp/spec';
import { metricFilter, type AlertSpec } from './alert-spec.js';

/** The Cloud Run resource clause of a filter. */
function runResource(kind: ServiceKind, name: string): string {
  return kind === 'service'
    ? `resource.type = "cloud_run_revision" AND resource.labels.service_name = starts_with("${name}")`
    : `resource.type = "cloud_run_job" AND resource.labels.job_name = starts_with("${name}")`;
}

/** Container, service and job alerts of the anchor's catalogue, with its thresholds. */
export function cloudRunAlerts(kind: ServiceKind, env: ResolvedEnvironment): AlertSpec[] {
  const resource = runResource(kind, env.cloudRunName);
  const resourceKind = kind === 'service' ? 'cloud_run_revision' : 'cloud_run_job';
  const groupBy = kind === 'service' ? ['resource.label.revision_name'] : [];
  const p99 = (period: string) => ({
    alignmentPeriod: period,
    perSeriesAligner: 'ALIGN_PERCENTILE_99',
    crossSeriesReducer: 'REDUCE_MAX',
    groupByFields: groupBy,
  });
  const container = (
    id: string,
    name: string,
    description: string,
    metric: string,
    threshold: number,
    period: string,
    duration = '0s',
  ): AlertSpec => ({
    id,
    group: 'container',
    name,
    description,
    severity: 'WARNING',
    resourceKind,
    condition: {
      kind: 'threshold',
      filter: metricFilter(`run.googleapis.com/container/${metric}`, resource),
      aggregation: p99(period),
      comparison: 'COMPARISON_GT',
      threshold,
      duration,
    },
  });
  const startupMs =
    kind === 'job' ? 10_000 : (env.service?.maximumStartupLatencySeconds ?? 240) * 1000;
  const alerts: AlertSpec[] = [
    container(
      'cpu',
      'High Container CPU Utilization',
      'Container CPU utilization is above 90%.',
      'cpu/utilizations',
      0.9,
      '60s',
      '600s',
    ),
    container(
      'memory',
      'High Container Memory Utilization',
      'Container memory utilization is above 80%.',
      'memory/utilizations',
      0.8,
      '300s',
    ),
    container(
      'startup',
      'Container Startup Latency',
      'Containers are slow to start.',
      'startup_latencies',
      startupMs,
      '60s',
    ),
  ];
  const maxCount = env.instances.scaling?.maxCount;
  if (kind === 'service' && maxCount !== undefined && maxCount >= 5) {
    alerts.push({
      id: 'instance_count',
      group: 'service',
      name: 'Container Instance Count',
      description: `The service is close to its maximum of ${maxCount} instances.`,
      severity: 'WARNING',
      resourceKind,
      condition: {
        kind: 'threshold',
        filter: metricFilter('run.googleapis.com/container/instance_count', resource),
        aggregation: {
          alignmentPeriod: '60s',
          perSeriesAligner: 'ALIGN_MAX',
          crossSeriesReducer: 'REDUCE_MAX',
          groupByFields: groupBy,
        },
        comparison: 'COMPARISON_GT',
        threshold: maxCount - 1,
      },
    });
  }
  if (kind === 'job') alerts.push(...jobAlerts(env, resource));
  return alerts;
}

function jobAlerts(env: ResolvedEnvironment, resource: string): AlertSpec[] {
  const failed = metricFilter(
    'run.googleapis.com/job/completed_task_attempt_count',
    resource,
    'metric.labels.result = "failed"',
  );
  const alerts: AlertSpec[] = [
    {
      id: 'job_failures',
      group: 'job',
      name: 'Cloud Run Job Failures',
      description: 'A job execution failed.',
      severity: 'WARNING',
      resourceKind: 'cloud_run_job',
      condition: {
        kind: 'threshold',
        filter: failed,
        aggregation: {
          alignmentPeriod: '60s',
          perSeriesAligner: 'ALIGN_COUNT',
          crossSeriesReducer: 'REDUCE_SUM',
          groupByFields: ['metric.label.result'],
        },
        comparison: 'COMPARISON_GT',
        threshold: 0,
      },
    },
  ];
  const schedule = env.job?.schedule;
  if (schedule !== undefined) {
    // Longest gap between runs plus 10 minutes of slack, in whole minutes.
    const minutes = Math.ceil(schedule.maxIntervalSeconds / 60) + 10;
    alerts.push({
      id: 'job_execution_absence',
      group: 'job',
      name: 'Cloud Run Job Execution Absence',
      description: `No job execution completed within ${minutes} minutes (schedule "${schedule.cron}").`,
      severity: 'WARNING',
      resourceKind: 'cloud_run_job',
      condition: {
        kind: 'absent',
        filter: metricFilter('run.googleapis.com/job/completed_task_attempt_count', resource),
        aggregation: {
          alignmentPeriod: '60s',
          perSeriesAligner: 'ALIGN_COUNT',
          crossSeriesReducer: 'REDUCE_SUM',
        },
        duration: `${minutes * 60}s`,
      },
    });
  }
  return alerts;
}
