import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Application Default Credentials that work offline: an `external_account`
 * (workload identity federation) credentials file whose token exchange
 * endpoint is this local server. Each exchange issues a new access token that
 * expires at once, so the client must fetch a fresh one for every request.
 */
export interface FakeTokenExchange {
  /** For GOOGLE_APPLICATION_CREDENTIALS. */
  readonly credentialsFile: string;
  /** Access tokens issued, in order. */
  readonly issued: string[];
  /** Subject tokens presented, in order. */
  readonly subjectTokens: string[];
  close(): Promise<void>;
}

export async function fakeTokenExchange(): Promise<FakeTokenExchange> {
  const issued: string[] = [];
  const subjectTokens: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      subjectTokens.push(new URLSearchParams(body).get('subject_token') ?? '');
      const token = `sts-token-${issued.length + 1}`;
      issued.push(token);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          access_token: token,
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: 1,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const dir = mkdtempSync(join(tmpdir(), 'msp-adc-'));
  writeFileSync(join(dir, 'subject-token'), 'workload-identity-subject');
  const credentialsFile = join(dir, 'credentials.json');
  writeFileSync(
    credentialsFile,
    JSON.stringify({
      type: 'external_account',
      audience:
        '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/test/providers/test',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `http://127.0.0.1:${address.port}/v1/token`,
      credential_source: { file: join(dir, 'subject-token') },
    }),
  );
  return {
    credentialsFile,
    issued,
    subjectTokens,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
