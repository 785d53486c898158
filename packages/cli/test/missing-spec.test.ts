import { memoryIo } from './support/memory-io.js';
import { runMsp } from './support/run-msp.js';
import { useTempDir } from './support/temp-dir.js';

/** The libraries loaded since the test began: the real modules, only watched. */
const mockLoaded: string[] = [];
jest.mock('@msp/spec', () => {
  mockLoaded.push('@msp/spec');
  return jest.requireActual('@msp/spec');
});
jest.mock('@msp/terraform-gen', () => {
  mockLoaded.push('@msp/terraform-gen');
  return jest.requireActual('@msp/terraform-gen');
});

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

  beforeEach(() => {
    // A fresh module registry: the commands and src/libraries.ts load again, with nothing cached.
    jest.resetModules();
    mockLoaded.length = 0;
  });

  it('reports the missing file', async () => {
    const result = await runMsp(argv, { io: memoryIo({ cwd: tempDir() }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: no such file: missing.yaml');
    expect(result.stdout).toBe('');
    expect(mockLoaded).toEqual([]);
  });
});

describe('the watch on the libraries', () => {
  const tempDir = useTempDir();

  beforeEach(() => {
    jest.resetModules();
    mockLoaded.length = 0;
  });

  it('sees a command load @msp/spec', async () => {
    await runMsp(['schema'], { io: memoryIo({ cwd: tempDir() }) });
    expect(mockLoaded).toEqual(['@msp/spec']);
  });
});
