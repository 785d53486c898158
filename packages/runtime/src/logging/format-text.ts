/** Readable single-line records for a terminal, with stacks on the lines after. */
import type { LogRecord } from './log-record.js';
import { safeStringify, stackWithCauses } from './serialize.js';

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return safeStringify(value) ?? String(value);
}

export function formatText(record: LogRecord): string {
  const time = record.time.toISOString().slice(11, 23);
  const level = record.level.toUpperCase().padEnd(5);
  const scope = record.scope ? ` ${record.scope}:` : '';
  const fields = Object.entries(record.fields).map(
    ([key, value]) => ` ${key}=${formatValue(value)}`,
  );
  const trace = record.trace ? ` trace=${record.trace.traceId} span=${record.trace.spanId}` : '';
  const head = `${time} ${level}${scope} ${record.message}${fields.join('')}${trace}`;
  return record.error ? `${head}\n${stackWithCauses(record.error)}` : head;
}
