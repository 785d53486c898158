import type { RegistryCredentials } from './registry-resolver.js';

/** Container Registry and Artifact Registry hosts, which accept Google OAuth access tokens. */
export function isGoogleRegistry(host: string): boolean {
  return host === 'gcr.io' || host.endsWith('.gcr.io') || host.endsWith('-docker.pkg.dev');
}

/**
 * Registry credentials from a Google access token provider (for example
 * Application Default Credentials through google-auth-library:
 * `() => auth.getAccessToken().then((t) => t.token)`), used for Google
 * registries only; other hosts stay anonymous.
 */
export function googleRegistryCredentials(
  getAccessToken: () => Promise<string>,
): (host: string) => Promise<RegistryCredentials | undefined> {
  return async (host) =>
    isGoogleRegistry(host)
      ? { username: 'oauth2accesstoken', password: await getAccessToken() }
      : undefined;
}
