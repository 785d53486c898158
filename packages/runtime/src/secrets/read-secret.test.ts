import { secretVersionName } from './read-secret.js';

describe('secretVersionName', () => {
  it.each([
    ['api-key', 'latest', 'projects/proj/secrets/api-key/versions/latest'],
    ['api_key', '3', 'projects/proj/secrets/api_key/versions/3'],
    ['projects/other/secrets/shared', 'latest', 'projects/other/secrets/shared/versions/latest'],
  ])('names %s version %s', (name, version, expected) => {
    expect(secretVersionName(name, version, 'proj')).toBe(expected);
  });

  it('says how to fix a bad name, version or missing project', () => {
    expect(() => secretVersionName('a/b', 'latest', 'p')).toThrow(
      'secret "a/b": expected a secret ID',
    );
    expect(() => secretVersionName('a', 'v1', 'p')).toThrow(
      'secret version "v1": expected a version number or "latest"',
    );
    expect(() => secretVersionName('a', 'latest', undefined)).toThrow('set GOOGLE_CLOUD_PROJECT');
  });
});
