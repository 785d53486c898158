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

  it('recognises config errors by code, also from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), { code: 'MSP_CONFIG_INVALID', issues: [] });
    expect(isConfigError(foreign)).toBe(true);
    expect(isConfigError(new ConfigError([]))).toBe(true);
    expect(isConfigError(new MspError('OTHER', 'y'))).toBe(false);
    expect(isMspError(new Error('plain'))).toBe(false);
  });
});
