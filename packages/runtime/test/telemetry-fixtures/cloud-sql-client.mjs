// Opens a pool through createPostgres with PGINSTANCE/PGUSER, the Cloud SQL
// connector pointed at the fake Admin API in FIXTURE_SQLADMIN_ENDPOINT, runs
// one query, prints {poolOptions, error} as JSON (or {openError} when the
// connector fails), closes and exits by itself.
import { OAuth2Client } from 'google-auth-library';
import { createPostgres } from '../../src/postgres/create-postgres.js';

const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'iam-login-token', expiry_date: Date.now() + 3_600_000 });
const closers = [];
const lifecycle = { addHealthCheck() {}, addCloser: (c) => closers.push(c) };
const logger = { debug() {}, info() {}, warn() {}, error() {} };
const postgres = createPostgres(process.env, lifecycle, logger, {
  connector: { sqlAdminAPIEndpoint: process.env.FIXTURE_SQLADMIN_ENDPOINT, auth },
});
let pool;
try {
  pool = await postgres.open('appdb');
} catch (e) {
  console.log(JSON.stringify({ openError: e.message }));
  process.exit(0);
}
let error;
try {
  await pool.query('SELECT 1');
} catch (e) {
  error = e.message;
}
const { user, database, password, host, port } = pool.options;
console.log(
  JSON.stringify({
    poolOptions: { user, database, password, host, port, stream: typeof pool.options.stream },
    error,
  }),
);
for (const closer of closers.reverse()) await closer.close();
