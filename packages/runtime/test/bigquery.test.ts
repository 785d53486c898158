import { createServer, type Server } from 'node:http';
import { runFixture } from './telemetry-support/fixture-process.js';
import { createBigQuery } from '../src/bigquery/create-bigquery.js';
import { recordingLogger } from './telemetry-support/recording-lifecycle.js';

/** A fake BigQuery API answering tabledata.insertAll; rows with `bad` are rejected. */
async function fakeBigQuery(): Promise<{
  endpoint: string;
  requests: { url: string; authorization: string | undefined; body: unknown }[];
  server: Server;
}> {
  const requests: { url: string; authorization: string | undefined; body: unknown }[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(text || '{}') as { rows?: { json: Record<string, unknown> }[] };
      requests.push({ url: request.url ?? '', authorization: request.headers.authorization, body });
      const insertErrors = (body.rows ?? [])
        .map((row, index) => ({
          index,
          errors: row.json['bad'] === true ? [{ message: 'no such field: bad' }] : [],
        }))
        .filter((e) => e.errors.length > 0);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          kind: 'bigquery#tableDataInsertAllResponse',
          ...(insertErrors.length > 0 ? { insertErrors } : {}),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { endpoint: `http://127.0.0.1:${address.port}`, requests, server };
}

describe('createBigQuery', () => {
  it('is not configured without the dataset variables, and says what to set', async () => {
    const dataset = createBigQuery({ BIGQUERY_PROJECT_ID: 'p' }, recordingLogger());
    expect(dataset.configured).toBe(false);
    await expect(dataset.table('events')).rejects.toThrow(
      'set BIGQUERY_PROJECT_ID and BIGQUERY_DATASET_ID',
    );
  });

  it('streams rows with insert IDs into the table of the service dataset', async () => {
    const fake = await fakeBigQuery();
    try {
      const output = await runFixture('bigquery-writer.mjs', {
        BIGQUERY_PROJECT_ID: 'proj',
        BIGQUERY_DATASET_ID: 'svc_ds',
        FIXTURE_BIGQUERY_ENDPOINT: fake.endpoint,
        FIXTURE_ROWS: JSON.stringify([
          [
            { name: 'a', n: 1 },
            { name: 'b', n: 2 },
          ],
          [],
          [{ bad: true }],
        ]),
      });
      expect(
        output
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown),
      ).toEqual([
        'ok',
        'no rows to insert into svc_ds.events',
        'inserting into svc_ds.events failed: 1 row(s) rejected: no such field: bad',
      ]);
      expect(fake.requests[0]?.url).toBe(
        '/bigquery/v2/projects/proj/datasets/svc_ds/tables/events/insertAll?prettyPrint=false',
      );
      expect(fake.requests[0]?.authorization).toBe('Bearer test-token');
      const rows = (fake.requests[0]?.body as { rows: { insertId: string; json: unknown }[] }).rows;
      expect(rows.map((r) => r.json)).toEqual([
        { name: 'a', n: 1 },
        { name: 'b', n: 2 },
      ]);
      expect(rows.every((r) => typeof r.insertId === 'string' && r.insertId !== '')).toBe(true);
    } finally {
      fake.server.close();
    }
  }, 20_000);
});
