import { fakeDeps } from './support/fake-deps.js';
import { memoryIo } from './support/memory-io.js';
import { runMsp } from './support/run-msp.js';
import { useTempDir } from './support/temp-dir.js';

/** Every command that reads a spec says which file is missing, exits 1, and never loads the libraries for it. */
describe.each([
  [['validate', 'missing.yaml']],
  [['generate', 'missing.yaml']],
  [['diff', 'missing.yaml']],
  [['graph', 'missing.yaml', '--env', 'dev']],
  [['ops', 'missing.yaml']],
  [['logs', 'missing.yaml', '--env', 'dev']],
  [['pg', 'connect', 'missing.yaml', '--env', 'dev']],
  [['tfc', 'view', 'missing.yaml']],
  [['tfc', 'sync', 'missing.yaml']],
  [['env', 'add', 'missing.yaml', 'qa']],
])('msp %j', (argv) => {
  const tempDir = useTempDir();

  it('reports the missing file', async () => {
    let loaded = false;
    const deps = fakeDeps();
    const result = await runMsp(argv, {
      io: memoryIo({ cwd: tempDir() }),
      deps: {
        ...deps,
        loadSpec: (path, platform) => ((loaded = true), deps.loadSpec(path, platform)),
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: no such file: missing.yaml');
    expect(result.stdout).toBe('');
    expect(loaded).toBe(false);
  });
});
