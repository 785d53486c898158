/** Log levels, least severe first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Extra structured data on a log record. An `error` field holding an `Error` gets its stack reported. */
export type LogFields = Readonly<Record<string, unknown>>;

/** The active OpenTelemetry span, when there is one. */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly sampled: boolean;
}

export interface LogRecord {
  readonly time: Date;
  readonly level: LogLevel;
  readonly message: string;
  /** Dot-separated scope of the logger, such as `msp.shutdown`. */
  readonly scope: string | undefined;
  /** Fields of the record and of its logger, without `error`. */
  readonly fields: LogFields;
  /** The `error` field, when it holds an `Error`. */
  readonly error: Error | undefined;
  readonly trace: TraceContext | undefined;
}

/**
 * Receives log records at or above its level besides the output, e.g. to
 * report errors to Sentry. `write` must not throw or block.
 */
export interface LogSink {
  readonly name: string;
  /** Least severe level the sink receives. @default 'error' */
  readonly level?: LogLevel;
  write(record: LogRecord): void;
  /** Sends anything buffered; shutdown awaits it. */
  flush?(): Promise<void>;
}

export function levelAtLeast(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}
