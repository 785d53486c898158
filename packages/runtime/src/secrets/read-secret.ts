import type { SecretManagerServiceClient } from '@google-cloud/secret-manager';
import type { Lifecycle } from '../lifecycle.js';
import { envValue, type RuntimeEnv } from '../telemetry/runtime-types.js';

export interface SecretReader {
  /**
   * The payload of a Secret Manager secret version, as UTF-8 text.
   * @param name a secret ID in the environment's project, or `projects/<p>/secrets/<id>`
   * @param version a version number or `latest` @default 'latest'
   */
  readSecret(name: string, version?: string): Promise<string>;
}

const SECRET_ID = /^[A-Za-z0-9_-]{1,255}$/;
const SECRET_NAME = /^projects\/[^/]+\/secrets\/[A-Za-z0-9_-]{1,255}$/;

/**
 * Reads secrets at run time, for values that must be fresh (prefer secrets
 * that msp mounts as environment variables, pinned to a version). The client
 * is loaded on the first read, which also registers a closer for its gRPC
 * channel; the project is `GOOGLE_CLOUD_PROJECT`.
 * @param clientOptions passed to the client (tests point it at a fake API)
 */
export function createSecretReader(
  env: RuntimeEnv,
  lifecycle: Lifecycle,
  clientOptions: ConstructorParameters<typeof SecretManagerServiceClient>[0] = {},
): SecretReader {
  const project = envValue(env, 'GOOGLE_CLOUD_PROJECT');
  let client: Promise<SecretManagerServiceClient> | undefined;
  return {
    async readSecret(name, version = 'latest') {
      const path = secretVersionName(name, version, project);
      client ??= import('@google-cloud/secret-manager').then(({ SecretManagerServiceClient }) => {
        const created = new SecretManagerServiceClient(clientOptions);
        lifecycle.addCloser({ name: 'secret-manager', close: () => created.close() });
        return created;
      });
      const [response] = await (await client).accessSecretVersion({ name: path });
      const data = response.payload?.data;
      if (data === undefined || data === null) throw new Error(`secret ${path} has no payload`);
      return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    },
  };
}

/** `projects/<p>/secrets/<id>/versions/<v>`, checked. */
export function secretVersionName(
  name: string,
  version: string,
  project: string | undefined,
): string {
  if (!/^(latest|[1-9]\d*)$/.test(version)) {
    throw new Error(`secret version "${version}": expected a version number or "latest"`);
  }
  if (SECRET_NAME.test(name)) return `${name}/versions/${version}`;
  if (!SECRET_ID.test(name)) {
    throw new Error(
      `secret "${name}": expected a secret ID (letters, digits, - and _) or projects/<p>/secrets/<id>`,
    );
  }
  if (project === undefined) {
    throw new Error(
      `secret "${name}": set GOOGLE_CLOUD_PROJECT or pass projects/<p>/secrets/${name}`,
    );
  }
  return `projects/${project}/secrets/${name}/versions/${version}`;
}
