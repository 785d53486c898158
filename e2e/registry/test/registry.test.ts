/**
 * Publishes every @msp/* package to a local Verdaccio, copies the template app
 * (apps/msp-example) outside the monorepo, installs it from that registry,
 * builds and starts it, and checks /-/healthz: "depend on @msp/runtime from
 * npm" and "copy the example as a template" both work.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyTemplate } from './support/copy-template.js';
import { startApp } from './support/app-process.js';
import {
  publishToLocalRegistry,
  testIfOnline,
  type PublishedRegistry,
} from './support/published.js';
import { waitFor } from './support/wait-for.js';
import { readManifest, templateAppDir, WORKSPACE_ROOT } from './support/workspace.js';

const onlineTest = testIfOnline('registry test');

const SECRET = 'registry-test-diagnostics-secret';

let work: string;
let published: PublishedRegistry | undefined;

beforeAll(() => {
  // os.tmpdir() is outside the monorepo, so nothing resolves from its node_modules.
  work = mkdtempSync(path.join(tmpdir(), 'msp-registry-test-'));
});

afterAll(async () => {
  await published?.registry.stop();
  rmSync(work, { recursive: true, force: true });
});

const templateName = path.relative(WORKSPACE_ROOT, templateAppDir());

onlineTest(
  `the template app (${templateName}) installs @msp/* from a registry, builds, starts and answers /-/healthz`,
  async () => {
    published = await publishToLocalRegistry(mkdtempSync(path.join(work, 'verdaccio-')));
    const { npm, versions } = published;
    const view = await npm(work, ['view', '@msp/runtime', 'version'], 30_000);
    expect(view.trim()).toBe(versions.get('@msp/runtime'));

    const app = path.join(work, 'app');
    const mspDeps = copyTemplate(templateAppDir(), app, versions);
    expect(mspDeps).toContain('@msp/runtime');

    await npm(app, ['install', '--no-audit', '--no-fund', '--ignore-scripts'], 150_000);
    const installed = readManifest(path.join(app, 'node_modules', '@msp', 'runtime'));
    expect(installed.version).toBe(versions.get('@msp/runtime'));
    await npm(app, ['run', 'build'], 60_000);

    const start = readManifest(app).scripts?.['start'];
    if (start === undefined)
      throw new Error(`${templateAppDir()}/package.json has no "start" script`);
    const service = await startApp(app, start, { DIAGNOSTICS_SECRET: SECRET });
    try {
      const healthz = `${service.url}/-/healthz`;
      const response = await waitFor(
        `the app to answer ${healthz}`,
        () => fetch(healthz, { headers: { authorization: `Bearer ${SECRET}` } }),
        30_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)}\napp output:\n${service.output()}`);
      });
      expect({ status: response.status, body: await response.text() }).toMatchObject({
        status: 200,
      });
      const wrong = await fetch(healthz, { headers: { authorization: 'Bearer not-the-secret' } });
      expect(wrong.status).toBe(401);
    } finally {
      const code = await service.stop(15_000);
      expect({ code, output: service.output() }).toMatchObject({ code: 0 });
    }
  },
);
