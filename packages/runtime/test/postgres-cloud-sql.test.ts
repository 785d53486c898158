import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { runFixture } from './telemetry-support/fixture-process.js';
import { createTestCa, type IssuedCert, type TestCa } from './telemetry-support/test-pki.js';

/*
 * The Cloud SQL path up to the network boundary: the real connector talks to
 * a fake Cloud SQL Admin API (instance metadata and the ephemeral client
 * certificate), then dials the instance's "private IP" (127.0.0.1) on the
 * server-side proxy port 3307 over TLS, where a fake server reads the
 * PostgreSQL startup message that `pg` sends and refuses it.
 */
const PROXY_PORT = 3307;

/** Reads key/value pairs of a PostgreSQL StartupMessage. */
function parseStartup(message: Buffer): Record<string, string> {
  const parts = message.subarray(8).toString('utf8').split('\0');
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2)
    fields[parts[i] ?? ''] = parts[i + 1] ?? '';
  return fields;
}

function errorResponse(message: string): Buffer {
  const body = Buffer.from(`SFATAL\0C28000\0M${message}\0\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

describe('Cloud SQL through the connector', () => {
  let ca: TestCa;
  let server: IssuedCert;
  let adminApi: Server;
  let proxy: TlsServer;
  const adminRequests: { method: string; url: string; body: Record<string, unknown> }[] = [];
  const startups: Record<string, string>[] = [];

  beforeAll(async () => {
    ca = createTestCa();
    server = ca.issue('server', '/CN=proj:inst');
    adminApi = createHttpServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const body = (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>;
        adminRequests.push({ method: request.method ?? '', url: request.url ?? '', body });
        if (request.url?.includes('/instances/forbidden') === true) {
          response.writeHead(403, { 'content-type': 'application/json' });
          response.end(
            JSON.stringify({
              error: { code: 403, message: 'The client is not authorized to make this request.' },
            }),
          );
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        if (request.url?.includes('connectSettings') === true) {
          response.end(
            JSON.stringify({
              region: 'us-central1',
              databaseVersion: 'POSTGRES_15',
              backendType: 'SECOND_GEN',
              ipAddresses: [{ type: 'PRIVATE', ipAddress: '127.0.0.1' }],
              serverCaCert: {
                cert: ca.caCert,
                expirationTime: new Date(Date.now() + 86_400_000).toISOString(),
              },
            }),
          );
        } else {
          response.end(
            JSON.stringify({
              ephemeralCert: {
                cert: ca.issue('client', '/CN=client', { publicKey: String(body['public_key']) })
                  .cert,
              },
            }),
          );
        }
      });
    });
    proxy = createTlsServer({ key: server.key, cert: server.cert }, (socket) => {
      socket.once('data', (message: Buffer) => {
        startups.push(parseStartup(message));
        socket.end(errorResponse('fake Cloud SQL: startup received'));
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => adminApi.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve, reject) => {
      proxy.once('error', (error) =>
        reject(
          new Error(`port ${PROXY_PORT} (the Cloud SQL proxy port) is busy: ${error.message}`),
        ),
      );
      proxy.listen(PROXY_PORT, '127.0.0.1', resolve);
    });
  });

  afterAll(async () => {
    await Promise.all([
      new Promise((resolve) => adminApi?.close(resolve)),
      new Promise((resolve) => proxy?.close(resolve)),
    ]);
  });

  it('asks the Admin API for an IAM certificate and dials the private IP as the IAM user with no password', async () => {
    const address = adminApi.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const output = await runFixture('cloud-sql-client.mjs', {
      PGINSTANCE: 'proj:us-central1:inst',
      PGUSER: 'svc@proj.iam',
      FIXTURE_SQLADMIN_ENDPOINT: `http://127.0.0.1:${address.port}/`,
    });
    const result = JSON.parse(output) as { poolOptions: Record<string, unknown>; error?: string };

    expect(result.error).toBe('fake Cloud SQL: startup received');
    expect(result.poolOptions).toMatchObject({
      user: 'svc@proj.iam',
      database: 'appdb',
      stream: 'function',
    });
    expect(result.poolOptions['password']).toBeUndefined();
    expect(startups).toEqual([
      expect.objectContaining({ user: 'svc@proj.iam', database: 'appdb' }),
    ]);

    expect(adminRequests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
      'GET /sql/v1beta4/projects/proj/instances/inst/connectSettings',
      'POST /sql/v1beta4/projects/proj/instances/inst:generateEphemeralCert',
    ]);
    const certRequest = adminRequests[1]?.body ?? {};
    expect(certRequest['access_token']).toBe('iam-login-token');
    expect(String(certRequest['public_key'])).toContain('BEGIN PUBLIC KEY');
  }, 30_000);

  it('says which instance failed and what to check when the Admin API refuses', async () => {
    const address = adminApi.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const output = await runFixture('cloud-sql-client.mjs', {
      PGINSTANCE: 'proj:us-central1:forbidden',
      PGUSER: 'svc@proj.iam',
      FIXTURE_SQLADMIN_ENDPOINT: `http://127.0.0.1:${address.port}/`,
    });
    const { openError } = JSON.parse(output) as { openError?: string };
    expect(openError).toMatch(
      /^cannot connect to Cloud SQL instance proj:us-central1:forbidden \(PGINSTANCE\): .*not authorized.*roles\/cloudsql\.client$/,
    );
  }, 30_000);
});
