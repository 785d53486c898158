import { ConfigError, isConfigError } from '../errors.js';
import { loadConfig } from './load-config.js';
import { variable } from './variable.js';

const definition = {
  name: variable.string('NAME', { description: 'A name.' }),
  workers: variable.integer('WORKERS', { description: 'Workers.', default: 4, min: 1, max: 64 }),
  debug: variable.boolean('DEBUG', { description: 'Debug mode.', default: false }),
  timeout: variable.duration('TIMEOUT', { description: 'Timeout.', default: 30_000 }),
  upstream: variable.url('UPSTREAM', { description: 'Upstream.', optional: true }),
  mode: variable.oneOf('MODE', ['fast', 'safe'], { description: 'Mode.', default: 'safe' }),
  tags: variable.list('TAGS', { description: 'Tags.', default: [] }),
  token: variable.string('TOKEN', { description: 'Token.', optional: true, sensitive: true }),
  region: variable.oneOf('REGION', ['eu', 'us'], { description: 'Region.', optional: true }),
};

function issuesOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    if (isConfigError(error)) return error.issues;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies defaults and returns a frozen, typed config', () => {
    const config = loadConfig(definition, { NAME: 'svc' });
    expect(config).toEqual({
      name: 'svc',
      workers: 4,
      debug: false,
      timeout: 30_000,
      upstream: undefined,
      mode: 'safe',
      tags: [],
      token: undefined,
      region: undefined,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses every kind of value', () => {
    const config = loadConfig(definition, {
      NAME: 'svc',
      WORKERS: '8',
      DEBUG: 'true',
      TIMEOUT: '1m',
      UPSTREAM: 'https://example.com/api',
      MODE: 'fast',
      TAGS: 'a, b,,c',
      TOKEN: 't0k',
      REGION: 'eu',
    });
    expect(config).toEqual({
      name: 'svc',
      workers: 8,
      debug: true,
      timeout: 60_000,
      upstream: 'https://example.com/api',
      mode: 'fast',
      tags: ['a', 'b', 'c'],
      token: 't0k',
      region: 'eu',
    });
  });

  it('treats an empty value as unset', () => {
    expect(issuesOf(() => loadConfig(definition, { NAME: '' }))).toEqual([
      { variable: 'NAME', message: 'required but not set' },
    ]);
    expect(loadConfig(definition, { NAME: 'x', WORKERS: '' }).workers).toBe(4);
  });

  it('reports every missing and invalid variable at once, in definition order', () => {
    expect(
      issuesOf(() =>
        loadConfig(definition, {
          WORKERS: '0',
          DEBUG: 'sometimes',
          TIMEOUT: '30',
          UPSTREAM: 'example.com',
          MODE: 'quick',
        }),
      ),
    ).toEqual([
      { variable: 'NAME', message: 'required but not set' },
      { variable: 'WORKERS', message: 'must be at least 1; got "0"' },
      { variable: 'DEBUG', message: 'must be a boolean: true or false; got "sometimes"' },
      { variable: 'TIMEOUT', message: expect.stringMatching(/^must be a duration with a unit/) },
      { variable: 'UPSTREAM', message: expect.stringMatching(/^must be an absolute URL/) },
      { variable: 'MODE', message: 'must be one of fast, safe; got "quick"' },
    ]);
  });

  it('never puts a sensitive value in a message', () => {
    const secret = variable.integer('SECRET_NUMBER', { description: 'S.', sensitive: true });
    const error = (() => {
      try {
        loadConfig({ secret }, { SECRET_NUMBER: 'hunter2' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).not.toContain('hunter2');
  });

  it('rejects two config keys reading the same variable', () => {
    const twice = {
      a: variable.string('SAME', { description: 'A.', default: 'x' }),
      b: variable.string('SAME', { description: 'B.', default: 'y' }),
    };
    expect(issuesOf(() => loadConfig(twice, {}))).toEqual([
      {
        variable: 'SAME',
        message: 'read by both config keys "a" and "b"',
        hint: expect.any(String),
      },
    ]);
  });

  it('describes itself for --help', () => {
    expect(definition.workers).toMatchObject({
      type: 'integer',
      required: false,
      defaultText: '4',
    });
    expect(definition.name).toMatchObject({ required: true, defaultText: undefined });
    expect(definition.timeout.defaultText).toBe('30s');
    expect(definition.mode.type).toBe('one of fast, safe');
  });
});
