import { formatJson } from './format-json.js';
import { formatText } from './format-text.js';
import {
  levelAtLeast,
  type LogFields,
  type LogLevel,
  type LogRecord,
  type LogSink,
} from './log-record.js';
import { activeTraceContext } from './trace-context.js';

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  /** Pass the error as the `error` field to report its stack. */
  error(message: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every record. */
  with(fields: LogFields): Logger;
  /** A logger for a named part of the program; scopes nest with dots. */
  scoped(scope: string): Logger;
  isEnabled(level: LogLevel): boolean;
}

export type LogFormat = 'json' | 'text';

export interface LogOutputOptions {
  readonly level: LogLevel;
  readonly format: LogFormat;
  readonly service: { readonly name: string; readonly version: string };
  readonly projectId: string | undefined;
  /** Where lines go. @default one line at a time to standard output */
  readonly write?: (line: string) => void;
}

/** The root of a logger tree: formatting, the output and the sinks. */
export interface LogOutput {
  readonly logger: Logger;
  readonly format: LogFormat;
  /** Sinks receive records at or above their level, in addition to the output. */
  addSink(sink: LogSink): void;
  /** Flushes every sink that buffers. */
  flush(): Promise<void>;
}

const writeStdout = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export function createLogOutput(options: LogOutputOptions): LogOutput {
  const sinks: LogSink[] = [];
  const write = options.write ?? writeStdout;
  const format =
    options.format === 'json' ? (record: LogRecord) => formatJson(record, options) : formatText;

  const emit = (record: LogRecord): void => {
    write(format(record));
    for (const sink of sinks) {
      if (!levelAtLeast(record.level, sink.level ?? 'error')) continue;
      try {
        sink.write(record);
      } catch (error) {
        write(`log sink ${sink.name} failed: ${String(error)}`);
      }
    }
  };

  const make = (scope: string | undefined, bound: LogFields): Logger => {
    const log = (level: LogLevel, message: string, fields: LogFields = {}): void => {
      if (!levelAtLeast(level, options.level)) return;
      const { error, ...rest } = { ...bound, ...fields };
      const record: LogRecord = {
        time: new Date(),
        level,
        message,
        scope,
        fields: error === undefined || error instanceof Error ? rest : { ...rest, error },
        error: error instanceof Error ? error : undefined,
        trace: activeTraceContext(),
      };
      emit(record);
    };
    return {
      debug: (message, fields) => log('debug', message, fields),
      info: (message, fields) => log('info', message, fields),
      warn: (message, fields) => log('warn', message, fields),
      error: (message, fields) => log('error', message, fields),
      with: (fields) => make(scope, { ...bound, ...fields }),
      scoped: (name) => make(scope === undefined ? name : `${scope}.${name}`, bound),
      isEnabled: (level) => levelAtLeast(level, options.level),
    };
  };

  return {
    logger: make(undefined, {}),
    format: options.format,
    addSink: (sink) => {
      sinks.push(sink);
    },
    flush: async () => {
      await Promise.all(sinks.map((sink) => sink.flush?.()));
    },
  };
}
