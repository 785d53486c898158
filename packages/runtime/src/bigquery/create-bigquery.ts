import type { BigQuery, BigQueryOptions } from '@google-cloud/bigquery';
import { envValue, type RuntimeEnv, type StructuredLogger } from '../telemetry/runtime-types.js';

export type BigQueryRow = Readonly<Record<string, unknown>>;

export interface BigQueryTableWriter {
  /**
   * Streams rows into the table. Each row gets an insert ID, so the client's
   * retries of a failed request do not duplicate it.
   * @throws Error when `rows` is empty, or listing the rows BigQuery rejected.
   */
  write(rows: readonly BigQueryRow[]): Promise<void>;
}

export interface BigQueryDataset {
  /** True when `BIGQUERY_PROJECT_ID` and `BIGQUERY_DATASET_ID` are set. */
  readonly configured: boolean;
  /** A writer for `table` in the service's dataset; loads the client on first use. */
  table(table: string): Promise<BigQueryTableWriter>;
}

/**
 * The service's BigQuery dataset (`BIGQUERY_PROJECT_ID`, `BIGQUERY_DATASET_ID`),
 * reached with Application Default Credentials. `@google-cloud/bigquery` is
 * imported on the first `table()` call, not at start-up.
 * @param clientOptions passed to the client (tests point it at a fake API)
 */
export function createBigQuery(
  env: RuntimeEnv,
  logger: StructuredLogger,
  clientOptions: BigQueryOptions = {},
): BigQueryDataset {
  const projectId = envValue(env, 'BIGQUERY_PROJECT_ID');
  const datasetId = envValue(env, 'BIGQUERY_DATASET_ID');
  let client: Promise<BigQuery> | undefined;

  return {
    configured: projectId !== undefined && datasetId !== undefined,
    async table(table) {
      if (projectId === undefined || datasetId === undefined) {
        throw new Error(
          'BigQuery is not configured: set BIGQUERY_PROJECT_ID and BIGQUERY_DATASET_ID',
        );
      }
      client ??= import('@google-cloud/bigquery').then(
        ({ BigQuery }) => new BigQuery({ ...clientOptions, projectId }),
      );
      const target = (await client).dataset(datasetId).table(table);
      return {
        async write(rows) {
          if (rows.length === 0) throw new Error(`no rows to insert into ${datasetId}.${table}`);
          try {
            await target.insert([...rows], { createInsertId: true });
          } catch (error) {
            const message = describeInsertError(error);
            logger.warn('bigquery insert failed', {
              table: `${datasetId}.${table}`,
              error: message,
            });
            throw new Error(`inserting into ${datasetId}.${table} failed: ${message}`, {
              cause: error,
            });
          }
        },
      };
    },
  };
}

/** BigQuery's PartialFailureError lists rejected rows in `errors`. */
function describeInsertError(error: unknown): string {
  if (
    typeof error === 'object' &&
    error !== null &&
    'errors' in error &&
    Array.isArray(error.errors)
  ) {
    const rows = error.errors as { errors?: { message?: string }[] }[];
    const reasons = rows.flatMap((row) => row.errors ?? []).map((e) => e.message ?? 'unknown');
    if (reasons.length > 0)
      return `${rows.length} row(s) rejected: ${[...new Set(reasons)].join('; ')}`;
  }
  return error instanceof Error ? error.message : String(error);
}
