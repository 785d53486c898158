import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port.js';
import { cleanEnv } from './run.js';
import { waitFor } from './wait-for.js';

export interface LocalRegistry {
  /** The registry's URL, ending in a slash. */
  readonly url: string;
  /** An npmrc that points npm at the registry, with a token that may publish. */
  readonly npmrc: string;
  /** Everything the registry logged, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * The Verdaccio configuration: `@msp/*` live only here (no `proxy`, so a
 * published version can never come from elsewhere); every other package is
 * proxied from `uplink`, the registry npm is configured to use.
 */
function verdaccioConfig(dir: string, uplink: string): string {
  return [
    `storage: ${JSON.stringify(path.join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(path.join(dir, 'htpasswd'))}`,
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(uplink)}`,
    '    timeout: 60s',
    'packages:',
    "  '@msp/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: upstream',
    'middlewares:',
    '  audit:',
    '    enabled: false',
    'web:',
    '  enable: false',
    'log:',
    '  type: stdout',
    '  format: json',
    '  level: warn',
    '',
  ].join('\n');
}

/** Adds a user through the registry's npm login endpoint and returns its token. */
async function addUser(url: string): Promise<string> {
  const name = 'msp-registry-test';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'registry-test-only' }),
  });
  const body: unknown = await response.json();
  if (
    !response.ok ||
    typeof body !== 'object' ||
    body === null ||
    !('token' in body) ||
    typeof body.token !== 'string'
  ) {
    throw new Error(
      `the local registry refused to add a user: ${response.status} ${JSON.stringify(body)}`,
    );
  }
  return body.token;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Starts Verdaccio (the workspace's pinned dev dependency) on a free loopback
 * port with its storage, config and npmrc in `dir`.
 */
export async function startLocalRegistry(dir: string, uplink: string): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const configFile = path.join(dir, 'verdaccio.yaml');
  writeFileSync(configFile, verdaccioConfig(dir, uplink));
  const bin = path.join(
    path.dirname(require.resolve('verdaccio/package.json')),
    'bin',
    'verdaccio',
  );
  const child = spawn(
    process.execPath,
    [bin, '--config', configFile, '--listen', `127.0.0.1:${port}`],
    {
      cwd: dir,
      env: cleanEnv(),
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitFor(
      `Verdaccio to answer on ${url}`,
      async () => {
        if (child.exitCode !== null)
          throw new Error(`Verdaccio exited with ${child.exitCode}:\n${output}`);
        return (await fetch(`${url}-/ping`)).ok ? true : undefined;
      },
      30_000,
    );
    const token = await addUser(url);
    const npmrc = path.join(dir, 'npmrc');
    const host = url.replace(/^http:/, '');
    writeFileSync(npmrc, `registry=${url}\n${host}:_authToken=${token}\n`);
    return { url, npmrc, log: () => output, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
