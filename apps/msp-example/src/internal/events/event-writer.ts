import type { BigQueryDataset, Lifecycle, Logger } from '@msp/runtime';

/** The BigQuery table of the service's events (see `events.bigquerytable.json`). */
export const EVENTS_TABLE = 'events';

/** Records what happened, in the background. */
export interface EventWriter {
  /** `bigquery`, or `log` when no dataset is configured. */
  readonly kind: 'bigquery' | 'log';
  record(name: string, metadata: Readonly<Record<string, unknown>>): void;
}

/**
 * Writes events to BigQuery when the dataset is configured, else logs them at
 * debug level. Writes do not hold up requests; failures are logged; shutdown
 * waits for the writes still running.
 */
export function createEventWriter(
  bigquery: BigQueryDataset,
  lifecycle: Lifecycle,
  logger: Logger,
): EventWriter {
  if (!bigquery.configured) {
    return { kind: 'log', record: (name, metadata) => logger.debug('event', { name, metadata }) };
  }
  const pending = new Set<Promise<void>>();
  lifecycle.addCloser({ name: 'events', close: async () => void (await Promise.all(pending)) });
  return {
    kind: 'bigquery',
    record(name, metadata) {
      const write = bigquery
        .table(EVENTS_TABLE)
        .then((table) =>
          table.write([
            { name, metadata: JSON.stringify(metadata), created_at: new Date().toISOString() },
          ]),
        )
        .catch((error: unknown) => logger.error('writing an event failed', { name, error }))
        .finally(() => pending.delete(write));
      pending.add(write);
    },
  };
}
