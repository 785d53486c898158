import { randomUUID } from 'node:crypto';
import type { ContractValues } from '../contract/contract-values.js';
import { activeTraceContext } from '../logging/trace-context.js';

/**
 * `<execution>-<task index>-<attempt>` from the variables Cloud Run sets on job
 * tasks; elsewhere the active trace ID, else a random UUID.
 */
export function jobExecutionId(values: ContractValues): string {
  if (values.CLOUD_RUN_EXECUTION !== undefined) {
    return `${values.CLOUD_RUN_EXECUTION}-${values.CLOUD_RUN_TASK_INDEX ?? 0}-${values.CLOUD_RUN_TASK_ATTEMPT ?? 0}`;
  }
  return activeTraceContext()?.traceId ?? randomUUID();
}
