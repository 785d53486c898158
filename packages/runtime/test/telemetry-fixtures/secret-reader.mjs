// Reads the secrets named in FIXTURE_SECRETS ("name@version,...") through
// createSecretReader against the fake Secret Manager REST API at
// FIXTURE_SECRETS_PORT, printing one JSON line per read: the value or the error.
import { OAuth2Client } from 'google-auth-library';
import { createSecretReader } from '../../src/secrets/read-secret.js';

const auth = new OAuth2Client();
auth.setCredentials({ access_token: 'secret-token', expiry_date: Date.now() + 3_600_000 });
const closers = [];
const lifecycle = { addHealthCheck() {}, addCloser: (c) => closers.push(c) };
const reader = createSecretReader(process.env, lifecycle, {
  fallback: true,
  protocol: 'http',
  apiEndpoint: '127.0.0.1',
  port: Number(process.env.FIXTURE_SECRETS_PORT),
  authClient: auth,
});
for (const entry of process.env.FIXTURE_SECRETS.split(',')) {
  const [name, version] = entry.split('@');
  try {
    console.log(JSON.stringify({ value: await reader.readSecret(name, version || undefined) }));
  } catch (error) {
    console.log(JSON.stringify({ error: error.message }));
  }
}
console.log(JSON.stringify({ closers: closers.map((c) => c.name) }));
for (const closer of closers) await closer.close();
