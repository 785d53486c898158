import { MspError as SpecMspError } from '@msp/spec/errors';
import { ConfigError, formatConfigIssues, isConfigError, isMspError, MspError } from './errors.js';

describe('errors', () => {
  it('formats one line per issue under a counted heading', () => {
    expect(
      formatConfigIssues([
        { variable: 'A', message: 'required but not set' },
        { variable: 'B', message: 'must be an integer', hint: 'such as 8' },
      ]),
    ).toBe(
      'invalid configuration: 2 problems\n  - A: required but not set\n  - B: must be an integer (such as 8)',
    );
  });

  it('are msp errors with a kebab-case code', () => {
    const error = new ConfigError([]);
    expect(error).toBeInstanceOf(SpecMspError);
    expect(MspError).toBe(SpecMspError);
    expect([error.code, error.name, isMspError(error)]).toEqual([
      'runtime-config-invalid',
      'ConfigError',
      true,
    ]);
  });

  it('recognises config errors by brand and code, not by class', () => {
    expect(isConfigError(new ConfigError([]))).toBe(true);
    expect(isConfigError(new MspError('platform-config-invalid', 'y'))).toBe(false);
    // A plain error that only looks like one is not msp's.
    const lookalike = Object.assign(new Error('x'), { code: 'runtime-config-invalid', issues: [] });
    expect([isConfigError(lookalike), isMspError(lookalike)]).toEqual([false, false]);
    expect(isMspError(new Error('plain'))).toBe(false);
  });
});
