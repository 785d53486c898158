import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis } from '../src/redis/create-redis.js';
import { closedPort } from './telemetry-support/servers.js';
import { recordingLifecycle, recordingLogger } from './telemetry-support/recording-lifecycle.js';
import { startRedisServer, stopProcess } from './telemetry-support/redis-server.js';
import { createTestCa, type TestCa } from './telemetry-support/test-pki.js';

/*
 * Memorystore with in-transit encryption, played by a TLS-only redis-server
 * whose certificate comes from a private CA, with an AUTH string: the client
 * must trust the CA file msp mounts and send the password from the URL.
 */
describe('Redis over TLS with the mounted CA', () => {
  let ca: TestCa;
  let server: ChildProcess;
  let port: number;

  beforeAll(async () => {
    ca = createTestCa();
    const cert = ca.issue('redis', '/CN=memorystore', { ipSan: '127.0.0.1' });
    port = await closedPort();
    server = await startRedisServer(port, [
      ...['--port', '0', '--tls-port', String(port), '--tls-auth-clients', 'no'],
      ...[
        '--tls-cert-file',
        cert.certFile,
        '--tls-key-file',
        cert.keyFile,
        '--tls-ca-cert-file',
        ca.caFile,
      ],
      ...['--requirepass', 'auth-string'],
    ]);
  });
  afterAll(() => stopProcess(server));

  it('connects to rediss:// trusting redis-ca-cert.pem from SSL_CERT_DIR', async () => {
    const certs = mkdtempSync(join(tmpdir(), 'msp-custom-certs-'));
    writeFileSync(join(certs, 'redis-ca-cert.pem'), ca.caCert);
    const lifecycle = recordingLifecycle();
    const env = {
      REDIS_ENDPOINT: `rediss://:auth-string@127.0.0.1:${port}`,
      SSL_CERT_DIR: `/etc/ssl/certs:${certs}`,
    };
    const redis = await createRedis(env, lifecycle, recordingLogger()).connect();
    await redis.set('msp-tls-test', 'over tls', 'EX', 5);
    expect(await redis.get('msp-tls-test')).toBe('over tls');
    expect(await lifecycle.probe('redis')).toBe('ok');
    await lifecycle.closeAll();
  });

  it('refuses the server without the CA, saying why', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'msp-no-certs-'));
    const logger = recordingLogger();
    const factory = createRedis(
      { REDIS_ENDPOINT: `rediss://:auth-string@127.0.0.1:${port}` },
      recordingLifecycle(),
      logger,
      { caDirectories: [empty] },
    );
    await expect(factory.connect()).rejects.toThrow(/certificate/);
    expect(logger.lines.map((l) => l.message)).toContain(
      'no Redis CA certificate found; trusting the system CAs only',
    );
  });

  it('fails with the wrong AUTH string', async () => {
    const certs = mkdtempSync(join(tmpdir(), 'msp-custom-certs-'));
    writeFileSync(join(certs, 'redis-ca-cert.pem'), ca.caCert);
    const factory = createRedis(
      { REDIS_ENDPOINT: `rediss://:wrong@127.0.0.1:${port}` },
      recordingLifecycle(),
      recordingLogger(),
      { caDirectories: [certs] },
    );
    await expect(factory.connect()).rejects.toThrow(/WRONGPASS|invalid username-password/);
  });
});
