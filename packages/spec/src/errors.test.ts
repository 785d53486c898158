import type * as Errors from './errors.js';
import {
  ConfigError,
  isConfigError,
  isMspError,
  isSpecError,
  isUsageError,
  MspError,
  SpecError,
  UsageError,
} from './errors.js';

type ErrorsModule = typeof Errors;

describe('errors', () => {
  const spec = new SpecError([
    {
      code: 'yaml-syntax',
      severity: 'error',
      path: '',
      message: 'bad',
      file: 's.yaml',
      line: 1,
      column: 2,
    },
  ]);

  it('carry stable codes and readable messages', () => {
    expect(spec.code).toBe('spec-invalid');
    expect(spec.message).toBe('spec has 1 error\ns.yaml:1:2 bad [yaml-syntax]');
    expect(new ConfigError('msp.config.yaml is invalid').code).toBe('platform-config-invalid');
    expect(new UsageError('nope').code).toBe('usage');
  });

  it('are MspErrors named after their class', () => {
    for (const error of [spec, new ConfigError('x'), new UsageError('x')])
      expect([error instanceof MspError, error instanceof Error]).toEqual([true, true]);
    expect([spec.name, new ConfigError('x').name, new UsageError('x').name]).toEqual([
      'SpecError',
      'ConfigError',
      'UsageError',
    ]);
  });

  it('have guards that tell the kinds apart', () => {
    const usage = new UsageError('x');
    expect([isMspError(spec), isSpecError(spec), isConfigError(spec), isUsageError(spec)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([isMspError(usage), isSpecError(usage), isUsageError(usage)]).toEqual([
      true,
      false,
      true,
    ]);
    expect([isMspError(new Error('x')), isMspError(null), isMspError('spec')]).toEqual([
      false,
      false,
      false,
    ]);
    // The CLI's own `spec-invalid` summary carries no issues: not a SpecError.
    expect(isSpecError(new MspError('spec-invalid', 'service.yaml is invalid'))).toBe(false);
  });

  it('are recognised across duplicate copies of the package', () => {
    let copy: ErrorsModule | undefined;
    jest.isolateModules(() => {
      copy = jest.requireActual<ErrorsModule>('./errors.js');
    });
    if (copy === undefined) throw new Error('module copy not loaded');
    const Copy = copy;
    const foreign = new Copy.UsageError('from another copy');
    expect(foreign instanceof UsageError).toBe(false);
    expect(isUsageError(foreign)).toBe(true);
    expect(Copy.isSpecError(spec)).toBe(true);
  });
});
