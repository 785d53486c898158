import type * as Errors from './errors.js';
import {
  ConfigError,
  isConfigError,
  isMspError,
  isSpecError,
  isUsageError,
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
    expect(new ConfigError('msp.config.yaml is invalid').code).toBe('config-invalid');
    expect(new UsageError('nope').code).toBe('usage');
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
