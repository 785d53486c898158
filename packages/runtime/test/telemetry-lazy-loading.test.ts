import { runFixture } from './telemetry-support/fixture-process.js';
import { requireServer, testServers } from './telemetry-support/servers.js';

describe('loading only what is used', () => {
  it('loads no integration package when nothing is configured', async () => {
    const [status, ...loaded] = (await runFixture('lazy-loading.mjs', {})).trim().split('\n');
    // The logger reads trace ids through the OpenTelemetry API package, which is
    // a no-op facade without an SDK; everything else must stay unloaded.
    const packages = loaded.filter((name) => name !== '@opentelemetry/api');
    expect(JSON.parse(status ?? '')).toEqual({
      telemetry: false,
      sentry: false,
      postgres: false,
      redis: false,
    });
    expect(packages).toEqual([]);
  });

  it('loads pg, and not the Cloud SQL connector, for a local database', async () => {
    await requireServer('PostgreSQL');
    const output = await runFixture('lazy-loading.mjs', {
      FIXTURE_OPEN_POSTGRES: 'true',
      PGHOST: testServers.pgHost,
      PGPORT: String(testServers.pgPort),
      PGUSER: testServers.pgUser,
    });
    const packages = output.trim().split('\n').slice(1);
    expect(packages).toContain('pg');
    expect(
      packages.filter((name) =>
        /^@google-cloud|^@opentelemetry\/(?!api$)|^@sentry|^ioredis$/.test(name),
      ),
    ).toEqual([]);
  });
});
