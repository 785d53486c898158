/**
 * One JSON line per record in the shape Cloud Logging and Error Reporting read
 * from a container's output (cloud.google.com/logging/docs/structured-logging).
 */
import type { LogLevel, LogRecord } from './log-record.js';
import { safeStringify, stackWithCauses } from './serialize.js';

const SEVERITY: Readonly<Record<LogLevel, string>> = {
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARNING',
  error: 'ERROR',
};

/** Makes Error Reporting group the entry even when the message is not a stack. */
const REPORTED_ERROR_EVENT =
  'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent';

export interface JsonFormatOptions {
  readonly service: { readonly name: string; readonly version: string };
  /** Qualifies trace IDs as `projects/<project>/traces/<id>`; bare IDs without it. */
  readonly projectId: string | undefined;
}

export function formatJson(record: LogRecord, options: JsonFormatOptions): string {
  const entry: Record<string, unknown> = {
    severity: SEVERITY[record.level],
    message: record.message,
    time: record.time.toISOString(),
  };
  if (record.scope !== undefined) entry['scope'] = record.scope;
  if (record.trace) {
    entry['logging.googleapis.com/trace'] = options.projectId
      ? `projects/${options.projectId}/traces/${record.trace.traceId}`
      : record.trace.traceId;
    entry['logging.googleapis.com/spanId'] = record.trace.spanId;
    entry['logging.googleapis.com/trace_sampled'] = record.trace.sampled;
  }
  if (record.error) {
    entry['error'] = `${record.error.name}: ${record.error.message}`;
    entry['stack_trace'] = stackWithCauses(record.error);
    if (record.level === 'error') entry['@type'] = REPORTED_ERROR_EVENT;
  }
  entry['serviceContext'] = { service: options.service.name, version: options.service.version };
  // Fields never overwrite the entry's own keys, which Cloud Logging interprets.
  for (const [key, value] of Object.entries(record.fields)) if (!(key in entry)) entry[key] = value;
  return safeStringify(entry);
}
