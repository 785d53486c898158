// Writes rows through createBigQuery to the fake API at FIXTURE_BIGQUERY_ENDPOINT
// and prints one JSON line per write: "ok" or the error message. (Run in a
// child process: the Google client's HTTP stack misbehaves inside jest's VM.)
import { OAuth2Client } from 'google-auth-library';
import { createBigQuery } from '../../src/bigquery/create-bigquery.js';

const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'test-token', expiry_date: Date.now() + 3_600_000 });
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const dataset = createBigQuery(process.env, logger, {
  apiEndpoint: process.env.FIXTURE_BIGQUERY_ENDPOINT,
  authClient: auth,
});
const writer = await dataset.table('events');
for (const rows of JSON.parse(process.env.FIXTURE_ROWS)) {
  try {
    await writer.write(rows);
    console.log(JSON.stringify('ok'));
  } catch (error) {
    console.log(JSON.stringify(error.message));
  }
}
