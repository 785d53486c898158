import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import type { LogRecord } from './log-record.js';
import { createLogOutput, type LogOutputOptions } from './logger.js';

const service = { name: 'svc', version: '1.0.0' };

function capture(options: Partial<LogOutputOptions> = {}) {
  const lines: string[] = [];
  const output = createLogOutput({
    level: 'debug',
    format: 'json',
    service,
    projectId: 'proj',
    write: (line) => lines.push(line),
    ...options,
  });
  const records = (): Record<string, unknown>[] =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { output, lines, records };
}

describe('JSON logs', () => {
  it('writes Cloud Logging fields, scopes and bound fields', () => {
    const { output, records } = capture();
    output.logger.scoped('a').scoped('b').with({ requestId: 'r1' }).warn('careful', { count: 2 });
    expect(records()).toEqual([
      {
        severity: 'WARNING',
        message: 'careful',
        time: expect.any(String),
        scope: 'a.b',
        serviceContext: { service: 'svc', version: '1.0.0' },
        requestId: 'r1',
        count: 2,
      },
    ]);
  });

  it('maps every level to a Cloud Logging severity and drops records below the level', () => {
    const { output, records } = capture({ level: 'info' });
    output.logger.debug('d');
    output.logger.info('i');
    output.logger.warn('w');
    output.logger.error('e');
    expect(records().map((r) => r['severity'])).toEqual(['INFO', 'WARNING', 'ERROR']);
    expect(output.logger.isEnabled('debug')).toBe(false);
  });

  it('reports errors with their stack, causes and the Error Reporting type', () => {
    const { output, records } = capture();
    const cause = new Error('socket closed');
    output.logger.error('query failed', { error: new Error('query failed', { cause }) });
    const [record] = records();
    expect(record).toMatchObject({
      error: 'Error: query failed',
      '@type': 'type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent',
    });
    expect(record?.['stack_trace']).toMatch(
      /^Error: query failed\n\s+at [\s\S]*Caused by: Error: socket closed/,
    );
  });

  it('does not mark a warning with an error for Error Reporting', () => {
    const { output, records } = capture();
    output.logger.warn('retrying', { error: new Error('flaky') });
    expect(records()[0]).not.toHaveProperty(['@type']);
    expect(records()[0]).toHaveProperty(['stack_trace']);
  });

  it('keeps a non-Error error field as data', () => {
    const { output, records } = capture();
    output.logger.error('odd', { error: 'just a string' });
    expect(records()[0]).toMatchObject({ error: 'just a string' });
    expect(records()[0]).not.toHaveProperty(['stack_trace']);
  });

  it('survives values JSON cannot write', () => {
    const { output, records } = capture();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    output.logger.info('odd values', { big: 10n, cyclic });
    expect(records()[0]).toMatchObject({ big: '10', cyclic: { self: '[Circular]' } });
  });

  it('qualifies trace IDs with the project, and leaves them bare without one', () => {
    const span = trace.wrapSpanContext({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.NONE,
    });
    const getSpy = jest.spyOn(context, 'active').mockReturnValue(trace.setSpan(ROOT_CONTEXT, span));
    try {
      const withProject = capture();
      withProject.output.logger.info('traced');
      expect(withProject.records()[0]).toMatchObject({
        'logging.googleapis.com/trace': 'projects/proj/traces/4bf92f3577b34da6a3ce929d0e0e4736',
        'logging.googleapis.com/spanId': '00f067aa0ba902b7',
        'logging.googleapis.com/trace_sampled': false,
      });
      const bare = capture({ projectId: undefined });
      bare.output.logger.info('traced');
      expect(bare.records()[0]?.['logging.googleapis.com/trace']).toBe(
        '4bf92f3577b34da6a3ce929d0e0e4736',
      );
    } finally {
      getSpy.mockRestore();
    }
  });
});

describe('text logs', () => {
  it('writes one readable line with fields, then the stack', () => {
    const { output, lines } = capture({ format: 'text' });
    output.logger
      .scoped('db')
      .error('query failed', { table: 'users', note: 'two words', error: new Error('boom') });
    const [head, ...stack] = (lines[0] ?? '').split('\n');
    expect(head).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} ERROR db: query failed table=users note="two words"$/,
    );
    expect(stack[0]).toBe('Error: boom');
  });
});

describe('log sinks', () => {
  it('receive records at or above their level (error by default) and flush', async () => {
    const { output } = capture();
    const errors: LogRecord[] = [];
    const all: string[] = [];
    let flushed = 0;
    output.addSink({
      name: 'errors',
      write: (record) => errors.push(record),
      flush: async () => {
        flushed += 1;
      },
    });
    output.addSink({ name: 'all', level: 'debug', write: (record) => all.push(record.message) });
    output.logger.info('fine');
    output.logger.error('bad', { error: new Error('boom') });
    expect(all).toEqual(['fine', 'bad']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ level: 'error', message: 'bad', scope: undefined });
    expect(errors[0]?.error?.message).toBe('boom');
    await output.flush();
    expect(flushed).toBe(1);
  });

  it('a throwing sink does not break logging', () => {
    const { output, lines } = capture();
    output.addSink({
      name: 'broken',
      write: () => {
        throw new Error('sink down');
      },
    });
    output.logger.error('still logged');
    expect(lines[0]).toContain('still logged');
    expect(lines[1]).toContain('log sink broken failed');
  });
});

describe('reserved keys', () => {
  it('are never overwritten by fields', () => {
    const { output, records } = capture();
    output.logger.info('real message', { message: 'spoofed', severity: 'DEBUG', other: 1 });
    expect(records()[0]).toMatchObject({ message: 'real message', severity: 'INFO', other: 1 });
  });
});
