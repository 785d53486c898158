/**
 * The CLI on hostile specs, through the real libraries: exit 1 with located
 * issues, nothing written, never an exception or a bug report.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../support/memory-io.js';
import { runMsp } from '../support/run-msp.js';

const HOSTILE: Record<string, string> = {
  'deep nesting': `${'- '.repeat(3000)}x\n---\n`.repeat(3),
  'a compact nested mapping before many siblings': `service:\n  a:a:  id: x\n${Array.from({ length: 20_000 }, (_, i) => `    k${i}: 3\n`).join('')}`,
  'an alias bomb': `service: &s [${Array(1200).fill('*s').join(', ')}]\n`,
  'an exponential image pattern': `service: { id: x, owners: [a], description: d }\nbuild: { image: "${'/a'.repeat(40)}@" }\nenvironments: []\n`,
};

describe('msp on hostile specs', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'msp-hostile-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(Object.keys(HOSTILE))(
    'generate and validate exit 1 on %s, with located issues and nothing written',
    async (name) => {
      await writeFile(join(dir, 'service.yaml'), HOSTILE[name] ?? '');
      for (const command of ['generate', 'validate']) {
        const result = await runMsp([command, 'service.yaml'], {
          io: memoryIo({ cwd: dir }),
        });
        expect(result.code).toBe(1);
        // validate lists issues on stdout, generate on stderr.
        const output = result.stdout + result.stderr;
        expect(output).toMatch(/service\.yaml:\d+:\d+ error /);
        expect(output).not.toContain('bug in msp');
        expect(output).not.toMatch(/\n\s+at /);
      }
      expect(await readdir(dir)).toEqual(['service.yaml']);
    },
  );

  it('exits 2 for a usage error', async () => {
    const result = await runMsp(['generate', '--no-such-flag'], { io: memoryIo({ cwd: dir }) });
    expect(result.code).toBe(2);
  });
});
