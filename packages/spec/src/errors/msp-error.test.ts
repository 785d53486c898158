import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Model from './index.js';
import { isMspError, isUsageError, MspError, UsageError } from './index.js';

type ModelModule = typeof Model;

describe('MspError', () => {
  it('carries a code, a message, a hint and a cause', () => {
    const cause = new Error('root');
    const error = new MspError('tfc-api', 'Terraform Cloud returned 500', { hint: 'retry', cause });
    expect([error.code, error.message, error.hint, error.cause, error.name]).toEqual([
      'tfc-api',
      'Terraform Cloud returned 500',
      'retry',
      cause,
      'MspError',
    ]);
    expect(new MspError('aborted', 'no').hint).toBeUndefined();
    expect('cause' in new MspError('aborted', 'no')).toBe(false);
  });

  it('is named after the subclass that throws it', () => {
    class DemoError extends MspError {}
    const error = new DemoError('aborted', 'x');
    expect([error.name, String(error)]).toEqual(['DemoError', 'DemoError: x']);
  });

  it('is recognised by brand and, optionally, code', () => {
    const usage = new UsageError('bad flag', { hint: 'see --help' });
    expect([usage.code, usage.hint, isUsageError(usage), isMspError(usage, 'usage')]).toEqual([
      'usage',
      'see --help',
      true,
      true,
    ]);
    expect([isMspError(usage, 'aborted'), isUsageError(new MspError('aborted', 'x'))]).toEqual([
      false,
      false,
    ]);
    // Only the brand counts: a plain error with a code is not msp's.
    const lookalike = Object.assign(new Error('x'), { code: 'usage' });
    expect([isMspError(lookalike), isUsageError(lookalike), isMspError({ code: 'usage' })]).toEqual(
      [false, false, false],
    );
  });

  it('is recognised across duplicate copies of the module', () => {
    let copy: ModelModule | undefined;
    jest.isolateModules(() => {
      copy = jest.requireActual<ModelModule>('./index.js');
    });
    if (copy === undefined) throw new Error('module copy not loaded');
    const foreign = new copy.MspError('interrupted', 'from another copy');
    expect(foreign instanceof MspError).toBe(false);
    expect([isMspError(foreign), isMspError(foreign, 'interrupted')]).toEqual([true, true]);
    expect(copy.isUsageError(new UsageError('x'))).toBe(true);
  });

  it('has no dependencies: @msp/spec/errors imports only its own files, and those only for types', () => {
    const dir = __dirname;
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const imports = sources.flatMap((file) =>
      [
        ...readFileSync(join(dir, file), 'utf8').matchAll(
          /^(?:import|export)\b[^;]*?from '([^']+)'/gm,
        ),
      ].map((match) => ({ file, statement: match[0], from: match[1] ?? '' })),
    );
    const outside = imports.filter(({ from }) => !/^\.\/[a-z-]+\.js$/.test(from));
    expect(outside).toEqual([]);
    // The code table is text for the docs: the model loads it only as a type.
    const table = imports.filter(({ from }) => from === './error-codes.js');
    expect(table.every(({ statement }) => /^(?:import|export) type\b/.test(statement))).toBe(true);
  });
});
