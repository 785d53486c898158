import { googleRegistryCredentials } from '../../src/image-tags/google-credentials.js';
import { parseImageReference } from '../../src/image-tags/image-reference.js';
import { parseChallenge, registryResolver } from '../../src/image-tags/registry-resolver.js';
import { startFakeRegistry, type FakeRegistry } from './fake-registry.js';

const manifests = {
  'team/app': {
    insiders: '{"schemaVersion":2,"manifests":[]}',
    'v1.0.0': '{"schemaVersion":2,"layers":[]}',
  },
};

describe('registryResolver against a local registry', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry({ manifests });
  });
  afterAll(() => registry.close());

  it('resolves a tag to tag@digest through the anonymous token flow', async () => {
    const resolver = registryResolver({ plainHTTPHosts: [registry.host] });
    const resolved = await resolver.resolve(`${registry.host}/team/app`, 'insiders');
    expect(resolved).toBe(`insiders@${registry.digestOf('team/app', 'insiders')}`);
    expect(registry.requests.slice(-3)).toEqual([
      'HEAD /v2/team/app/manifests/insiders',
      'GET /token?service=fake-registry&scope=repository%3Ateam%2Fapp%3Apull',
      'HEAD /v2/team/app/manifests/insiders',
    ]);
  });

  it('says which tag is missing', async () => {
    const resolver = registryResolver({ plainHTTPHosts: [registry.host] });
    await expect(resolver.resolve(`${registry.host}/team/app`, 'nope')).rejects.toThrow(
      `${registry.host}/team/app:nope: tag not found in the registry`,
    );
  });
});

describe('registryResolver with credentials', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry({
      manifests,
      basicAuth: { username: 'oauth2accesstoken', password: 'ya29.test' },
      omitDigestHeader: true,
    });
  });
  afterAll(() => registry.close());

  it('sends credentials from the provider hook to the token endpoint, and hashes the manifest without a digest header', async () => {
    const resolver = registryResolver({
      plainHTTPHosts: [registry.host],
      credentials: async () => ({ username: 'oauth2accesstoken', password: 'ya29.test' }),
    });
    await expect(resolver.resolve(`${registry.host}/team/app`, 'v1.0.0')).resolves.toBe(
      `v1.0.0@${registry.digestOf('team/app', 'v1.0.0')}`,
    );
  });

  it('explains a refused token for an anonymous client', async () => {
    const resolver = registryResolver({ plainHTTPHosts: [registry.host] });
    await expect(resolver.resolve(`${registry.host}/team/app`, 'v1.0.0')).rejects.toThrow(
      'token endpoint answered 401 (the image may be private: configure registry credentials)',
    );
  });
});

describe('image references and challenges', () => {
  it.each([
    ['us-docker.pkg.dev/p/r/img', { host: 'us-docker.pkg.dev', repository: 'p/r/img' }],
    ['us.gcr.io/p/img', { host: 'us.gcr.io', repository: 'p/img' }],
    ['nginx', { host: 'registry-1.docker.io', repository: 'library/nginx' }],
    ['grafana/grafana', { host: 'registry-1.docker.io', repository: 'grafana/grafana' }],
    ['localhost:5000/x', { host: 'localhost:5000', repository: 'x' }],
  ])('parses %s', (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
  });

  it('rejects an image with a tag', () => {
    expect(() => parseImageReference('us.gcr.io/p/img:latest')).toThrow(
      'must be a repository without tag or digest',
    );
  });

  it('parses a bearer challenge', () => {
    expect(
      parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io"'),
    ).toEqual({
      realm: 'https://auth.docker.io/token',
      service: 'registry.docker.io',
    });
    expect(parseChallenge('Basic realm="x"')).toBeUndefined();
  });

  it('uses Google access tokens for Google registries only', async () => {
    const credentials = googleRegistryCredentials(async () => 'ya29.token');
    await expect(credentials('us-docker.pkg.dev')).resolves.toEqual({
      username: 'oauth2accesstoken',
      password: 'ya29.token',
    });
    await expect(credentials('eu.gcr.io')).resolves.toEqual({
      username: 'oauth2accesstoken',
      password: 'ya29.token',
    });
    await expect(credentials('registry-1.docker.io')).resolves.toBeUndefined();
  });
});
