import type { ResolvedEnvironment } from '@msp/spec';
import { metricFilter, type AlertSpec } from './alert-spec.js';

/**
 * Redis and Cloud SQL alerts. Instance IDs come from the cloudrun stack's
 * outputs, so filters reference them through remote state.
 */
export function dataAlerts(
  env: ResolvedEnvironment,
  sqlInstanceID: string | undefined,
): AlertSpec[] {
  const alerts: AlertSpec[] = [];
  const redis = env.resources.redis;
  if (redis !== undefined) {
    const resource = `resource.type = "redis_instance" AND resource.labels.instance_id = "projects/${env.projectID}/locations/${env.region}/instances/${redis.instanceName}"`;
    const threshold = (
      id: string,
      name: string,
      metric: string,
      aligner: string,
      reducer: string,
      value: number,
      groupBy: string[] = [],
    ): AlertSpec => ({
      id,
      group: 'redis',
      name,
      description: `${name} on the Redis instance.`,
      severity: 'WARNING',
      resourceKind: 'redis_instance',
      condition: {
        kind: 'threshold',
        filter: metricFilter(`redis.googleapis.com/${metric}`, resource),
        aggregation: {
          alignmentPeriod: '300s',
          perSeriesAligner: aligner,
          crossSeriesReducer: reducer,
          groupByFields: groupBy,
        },
        comparison: 'COMPARISON_GT',
        threshold: value,
      },
    });
    alerts.push(
      threshold(
        'memory',
        'High Redis Memory Utilization',
        'stats/memory/system_memory_usage_ratio',
        'ALIGN_MEAN',
        'REDUCE_NONE',
        0.8,
      ),
      threshold(
        'cpu',
        'High Redis CPU Utilization',
        'stats/cpu_utilization_main_thread',
        'ALIGN_RATE',
        'REDUCE_SUM',
        0.9,
        ['resource.label.instance_id', 'resource.label.node_id'],
      ),
      threshold('failover', 'Redis Failover', 'replication/role', 'ALIGN_STDDEV', 'REDUCE_NONE', 0),
    );
  }
  const pg = env.resources.postgreSQL;
  if (pg !== undefined && sqlInstanceID !== undefined) {
    const resource = `resource.type = "cloudsql_database" AND resource.labels.database_id = "${env.projectID}:${sqlInstanceID}"`;
    const sql = (
      id: string,
      name: string,
      metric: string,
      aligner: string,
      comparison: 'COMPARISON_GT' | 'COMPARISON_LT',
      value: number,
      period = '60s',
      duration = '0s',
      reducer?: string,
    ): AlertSpec => ({
      id,
      group: 'cloudsql',
      name,
      description: `${name} on the Cloud SQL instance.`,
      severity: 'WARNING',
      resourceKind: 'cloudsql_database',
      condition: {
        kind: 'threshold',
        filter: metricFilter(`cloudsql.googleapis.com/database/${metric}`, resource),
        aggregation: {
          alignmentPeriod: period,
          perSeriesAligner: aligner,
          ...(reducer === undefined ? {} : { crossSeriesReducer: reducer }),
        },
        comparison,
        threshold: value,
        duration,
      },
    });
    alerts.push(
      sql(
        'cloud_sql_memory',
        'High Cloud SQL Memory Utilization',
        'memory/utilization',
        'ALIGN_MEAN',
        'COMPARISON_GT',
        0.8,
      ),
      sql(
        'cloud_sql_cpu',
        'High Cloud SQL CPU Utilization',
        'cpu/utilization',
        'ALIGN_MEAN',
        'COMPARISON_GT',
        0.9,
        '60s',
        '180s',
      ),
      sql('cloud_sql_server_up', 'Cloud SQL Server Down', 'up', 'ALIGN_MIN', 'COMPARISON_LT', 1),
      sql(
        'cloud_sql_disk_utilization',
        'High Cloud SQL Disk Utilization',
        'disk/utilization',
        'ALIGN_MEAN',
        'COMPARISON_GT',
        0.95,
        '300s',
      ),
      sql(
        'cloud_sql_connections',
        'High Cloud SQL Connections',
        'postgresql/num_backends',
        'ALIGN_MAX',
        'COMPARISON_GT',
        0.9 * (pg.maxConnections ?? 100),
        '120s',
        '0s',
        'REDUCE_SUM',
      ),
    );
    alerts.push(...lockTimeAlerts(`${env.projectID}:${sqlInstanceID}`));
  }
  return alerts;
}

/** Queries holding locks for long, sustained or in a spike (microseconds per second). */
function lockTimeAlerts(resourceID: string): AlertSpec[] {
  const filter = metricFilter(
    'cloudsql.googleapis.com/database/postgresql/insights/perquery/lock_time',
    `resource.type = "cloudsql_instance_database" AND resource.labels.resource_id = "${resourceID}"`,
  );
  const groupBy = ['metric.label.querystring', 'metric.label.user', 'resource.label.database'];
  const alert = (
    id: string,
    name: string,
    period: string,
    duration: string,
    threshold: number,
  ): AlertSpec => ({
    id,
    group: 'cloudsql',
    name,
    description: `A query's lock time is above ${threshold} µs/s.`,
    severity: 'WARNING',
    resourceKind: 'cloudsql_instance_database',
    condition: {
      kind: 'threshold',
      filter,
      aggregation: {
        alignmentPeriod: period,
        perSeriesAligner: 'ALIGN_RATE',
        crossSeriesReducer: 'REDUCE_MEAN',
        groupByFields: groupBy,
      },
      comparison: 'COMPARISON_GT',
      threshold,
      duration,
    },
  });
  return [
    alert(
      'per_query_lock_time_sustained',
      'Sustained High Per-Query Lock Time',
      '60s',
      '180s',
      200_000,
    ),
    alert('per_query_lock_time_spike', 'Spike in Per-Query Lock Time', '120s', '0s', 1_000_000),
  ];
}
