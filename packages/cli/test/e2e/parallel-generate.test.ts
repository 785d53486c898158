import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { useTempDir } from '../support/temp-dir.js';

/**
 * `msp generate` over many specs through the built binary, on worker threads
 * and in one thread (MSP_GENERATE_WORKERS): the same files, the same output in
 * spec order, each error where its spec is, the platform warning once.
 */
const packageDir = join(__dirname, '..', '..');
const bin = join(packageDir, 'bin', 'msp.js');

function msp(cwd: string, args: string[], workers: number) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '', MSP_GENERATE_WORKERS: String(workers) },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        }),
    );
  });
}

const spec = (n: number) => `service:
  id: svc-${String(n).padStart(2, '0')}
  owners: [team]
  description: Service ${n}.
build:
  image: us-docker.pkg.dev/example-images/services/svc-${n}
environments:
  - id: dev
    projectID: svc-${String(n).padStart(2, '0')}-dev-${(1000 + n).toString(16)}
    category: test
    deploy:
      type: manual
    instances:
      resources:
        cpu: 1
        memory: 512Mi
`;

async function tree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, 'utf8'));
  }
  return files;
}

jest.setTimeout(120_000);

describe('msp generate on worker threads', () => {
  const tempDir = useTempDir();
  const SPECS = 20;
  const BROKEN = 7;

  beforeAll(() => {
    if (!existsSync(join(packageDir, 'dist', 'bundle', 'generate-worker.js')))
      throw new Error('the CLI is not built: run "npx nx run cli:build" first');
  });

  beforeEach(async () => {
    await writeFile(join(tempDir(), 'msp.config.yaml'), 'billingAccount: 0A1B2C-3D4E5F-6A7B8C\n');
    for (let n = 1; n <= SPECS; n++) {
      const dir = join(tempDir(), `svc-${String(n).padStart(2, '0')}`);
      await mkdir(dir);
      await writeFile(
        join(dir, 'service.yaml'),
        n === BROKEN ? spec(n).replace('category: test', 'category: nope') : spec(n),
      );
    }
  });

  it('writes the same files and prints the same output as one thread', async () => {
    const one = await msp(tempDir(), ['generate', '--out', 'one'], 1);
    const two = await msp(tempDir(), ['generate', '--out', 'two'], 3);
    expect(one.code).toBe(1);
    expect(two).toEqual({ ...one, stdout: one.stdout.replaceAll('one/', 'two/') });
    expect(await tree(join(tempDir(), 'two'))).toEqual(await tree(join(tempDir(), 'one')));
    expect((await readdir(join(tempDir(), 'two'))).length).toBe(SPECS - 1);

    // In spec order: the summaries around the broken spec, and its error once.
    const headers = [...two.stdout.matchAll(/^(svc-\d+) \(/gm)].map((m) => m[1]);
    expect(headers).toEqual(
      Array.from({ length: SPECS }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`).filter(
        (id) => id !== `svc-0${BROKEN}`,
      ),
    );
    expect(two.stderr.match(/svc-07\/service\.yaml is invalid/g)).toHaveLength(1);
    expect(two.stderr.match(/warning state/g)).toHaveLength(1);
  });

  it('--quiet prints one line for every spec', async () => {
    const result = await msp(tempDir(), ['generate', '--out', 'q', '--quiet'], 2);
    expect(result.stdout).toMatch(/^19 services: \d+ files changed, 0 unchanged\n$/);
    const again = await msp(tempDir(), ['generate', '--out', 'q', '--quiet'], 2);
    expect(again.stdout).toMatch(/^19 services: 0 files changed, \d+ unchanged\n$/);
  });
});
