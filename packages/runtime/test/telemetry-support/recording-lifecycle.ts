import type { Closer, HealthCheck, Lifecycle } from '../../src/lifecycle.js';
import type { LogFields } from '../../src/logging/log-record.js';
import type { StructuredLogger } from '../../src/telemetry/runtime-types.js';

/** A Lifecycle that keeps what is registered, for tests to run. */
export interface RecordingLifecycle extends Lifecycle {
  readonly checks: HealthCheck[];
  readonly closers: Closer[];
  /** Runs the named check with a timeout; resolves to 'ok' or the failure message. */
  probe(name: string, timeoutMs?: number): Promise<string>;
  /** Runs closers in reverse order, like the runtime's shutdown. */
  closeAll(): Promise<void>;
}

export function recordingLifecycle(): RecordingLifecycle {
  const checks: HealthCheck[] = [];
  const closers: Closer[] = [];
  return {
    checks,
    closers,
    addHealthCheck: (check) => checks.push(check),
    addCloser: (closer) => closers.push(closer),
    async probe(name, timeoutMs = 1_000) {
      const check = checks.find((c) => c.name === name);
      if (check === undefined) throw new Error(`no health check named ${name}`);
      try {
        await check.check(AbortSignal.timeout(timeoutMs));
        return 'ok';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
    async closeAll() {
      for (const closer of [...closers].reverse()) await closer.close(new AbortController().signal);
    },
  };
}

export interface RecordingLogger extends StructuredLogger {
  readonly lines: { level: string; message: string; fields?: LogFields }[];
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  const record =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, ...(fields === undefined ? {} : { fields }) });
    };
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}
