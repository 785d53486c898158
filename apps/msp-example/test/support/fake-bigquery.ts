/**
 * BigQuery for the end-to-end tests, offline: one local server that answers
 * `tabledata.insertAll` (the client reaches it through
 * `BIGQUERY_EMULATOR_HOST`) and the token exchange of an `external_account`
 * credentials file (`GOOGLE_APPLICATION_CREDENTIALS`), so Application
 * Default Credentials run for real without a network.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface InsertedRow {
  /** `<dataset>.<table>`. */
  readonly table: string;
  readonly json: Record<string, unknown>;
}

export interface FakeBigQuery {
  /** The variables that point the service at this server. */
  readonly env: Readonly<Record<string, string>>;
  readonly rows: InsertedRow[];
  close(): Promise<void>;
}

const INSERT_ALL = /\/projects\/([^/]+)\/datasets\/([^/]+)\/tables\/([^/]+)\/insertAll$/;

export async function fakeBigQuery(projectId: string, datasetId: string): Promise<FakeBigQuery> {
  const rows: InsertedRow[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const insert = INSERT_ALL.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
      response.writeHead(200, { 'content-type': 'application/json' });
      if (insert === null) {
        response.end(
          JSON.stringify({
            access_token: 'fake-token',
            issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
            token_type: 'Bearer',
            expires_in: 3600,
          }),
        );
        return;
      }
      const body = JSON.parse(text) as { rows: { json: Record<string, unknown> }[] };
      for (const row of body.rows)
        rows.push({ table: `${insert[2]}.${insert[3]}`, json: row.json });
      response.end(JSON.stringify({ kind: 'bigquery#tableDataInsertAllResponse' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;

  const dir = mkdtempSync(path.join(tmpdir(), 'msp-example-adc-'));
  writeFileSync(path.join(dir, 'subject-token'), 'e2e-subject');
  const credentialsFile = path.join(dir, 'credentials.json');
  writeFileSync(
    credentialsFile,
    JSON.stringify({
      type: 'external_account',
      audience:
        '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/e2e/providers/e2e',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${url}/v1/token`,
      credential_source: { file: path.join(dir, 'subject-token') },
    }),
  );
  return {
    env: {
      BIGQUERY_PROJECT_ID: projectId,
      BIGQUERY_DATASET_ID: datasetId,
      BIGQUERY_EMULATOR_HOST: url,
      GOOGLE_APPLICATION_CREDENTIALS: credentialsFile,
    },
    rows,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
