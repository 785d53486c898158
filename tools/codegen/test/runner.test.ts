import { spawnSync } from 'node:child_process';
import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffFiles, main, writeFileAtomic, type Generator, type Targets } from '../runner.js';
import { TARGETS } from '../targets.js';

const REPO = join(__dirname, '..', '..', '..');

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'codegen-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function put(path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Two generators over a fake repository; `b` owns `gen/`, but for `gen/keep.txt`. */
const FILES_A = new Map([['docs/a.md', '# a\n']]);
const FILES_B = new Map([
  ['gen/one.ts', 'export const one = 1;\n'],
  ['gen/two.ts', 'export const two = 2;\n'],
]);
const targets: Targets = {
  repository: {
    a: async () => ({ generate: () => FILES_A }),
    b: async () => ({
      generate: async () => FILES_B,
      owns: [{ directory: 'gen', except: ['keep.txt'] }],
    }),
  },
  source: {
    dumps: async () => ({
      generate: (from: string) => new Map([['gen/from.txt', readFileSync(from, 'utf8')]]),
    }),
  },
};

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, targets, {
    root,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

function upToDate(): void {
  for (const [path, content] of [...FILES_A, ...FILES_B]) put(path, content);
  put('gen/keep.txt', 'written by another generator\n');
}

describe('codegen --check', () => {
  it('passes when every generated file is as committed', async () => {
    upToDate();
    const result = await run('--check');
    expect(result).toEqual({ code: 0, stdout: 'codegen (a, b): 3 files up to date\n', stderr: '' });
  });

  it('names each stale, missing and obsolete file with the fix, and writes nothing', async () => {
    upToDate();
    put('docs/a.md', '# edited by hand\n');
    rmSync(join(root, 'gen/two.ts'));
    put('gen/old.ts', 'export const old = 0;\n');
    const result = await run('--check');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      [
        'codegen (a, b): 3 generated files are out of date:',
        '  docs/a.md (stale)',
        '  gen/two.ts (missing)',
        '  gen/old.ts (obsolete)',
        'fix: run `npm run codegen` and commit the result',
        '',
      ].join('\n'),
    );
    expect(read('docs/a.md')).toBe('# edited by hand\n');
    expect(existsSync(join(root, 'gen/two.ts'))).toBe(false);
    expect(existsSync(join(root, 'gen/old.ts'))).toBe(true);
  });

  it('checks only the targets named', async () => {
    put('docs/a.md', '# a\n');
    expect((await run('--check', 'a')).code).toBe(0);
    expect((await run('--check', 'b')).code).toBe(1);
  });

  it('leaves files outside owned directories, and the exceptions, alone', () => {
    put('gen/keep.txt', 'x');
    put('gen/sub/deeper.ts', 'x');
    put('elsewhere/stray.ts', 'x');
    expect(diffFiles(root, new Map(), [{ directory: 'gen', except: ['keep.txt'] }])).toEqual([]);
  });
});

describe('codegen (writing)', () => {
  it('writes what is stale or missing, removes what is obsolete, and then checks clean', async () => {
    upToDate();
    put('docs/a.md', '# edited by hand\n');
    rmSync(join(root, 'gen/two.ts'));
    put('gen/old.ts', 'export const old = 0;\n');
    const result = await run();
    expect(result).toEqual({
      code: 0,
      stdout:
        'wrote docs/a.md\nwrote gen/two.ts\nremoved gen/old.ts\ncodegen (a, b): 3 files changed\n',
      stderr: '',
    });
    expect(read('docs/a.md')).toBe('# a\n');
    expect(read('gen/keep.txt')).toBe('written by another generator\n');
    expect(readdirSync(join(root, 'gen')).sort()).toEqual(['keep.txt', 'one.ts', 'two.ts']);
    expect(await run('--check')).toMatchObject({ code: 0 });
  });

  it('replaces a file by renaming a complete new one over it, leaving no temporary file', () => {
    put('gen/one.ts', 'old\n');
    // A hard link stands for a reader that has the old file open: writing in place would
    // change what it sees; a rename leaves it the old file whole.
    linkSync(join(root, 'gen/one.ts'), join(root, 'reader'));
    writeFileAtomic(join(root, 'gen/one.ts'), 'new\n');
    expect(read('gen/one.ts')).toBe('new\n');
    expect(read('reader')).toBe('old\n');
    expect(readdirSync(join(root, 'gen'))).toEqual(['one.ts']);
  });

  it('removes its temporary file when the rename fails', () => {
    mkdirSync(join(root, 'gen/one.ts'), { recursive: true });
    put('gen/one.ts/inside', 'a directory where the file should go');
    expect(() => writeFileAtomic(join(root, 'gen/one.ts'), 'new\n')).toThrow();
    expect(readdirSync(join(root, 'gen'))).toEqual(['one.ts']);
  });

  it('writes nothing when a generator fails', async () => {
    const failing: Targets = {
      ...targets,
      repository: {
        ...targets.repository,
        broken: async () => ({
          generate: () => {
            throw new Error('schema definition is broken');
          },
        }),
      },
    };
    await expect(
      main([], failing, { root, stdout: () => undefined, stderr: () => undefined }),
    ).rejects.toThrow('schema definition is broken');
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses two targets generating one file', async () => {
    const twice: Generator = { generate: () => FILES_A };
    const clash: Targets = {
      repository: { a: async () => twice, c: async () => twice },
      source: {},
    };
    await expect(
      main([], clash, { root, stdout: () => undefined, stderr: () => undefined }),
    ).rejects.toThrow('c: docs/a.md is generated by another target too');
  });
});

describe('source targets', () => {
  it('run with --from, on their own', async () => {
    const dump = join(root, 'dump.txt');
    writeFileSync(dump, 'from outside\n');
    expect(await run('--check', '--from', dump, 'dumps')).toEqual({
      code: 1,
      stdout: '',
      stderr: `codegen (dumps): 1 generated file is out of date:\n  gen/from.txt (missing)\nfix: run \`node tools/codegen/run.ts --from ${dump} dumps\` and commit the result\n`,
    });
    expect((await run(`--from=${dump}`, 'dumps')).code).toBe(0);
    expect(read('gen/from.txt')).toBe('from outside\n');
  });
});

describe('usage', () => {
  it.each([
    [['--force'], 'unknown option --force'],
    [['c'], 'unknown target c'],
    [['dumps'], 'dumps needs --from DIR'],
    [['--from'], '--from needs a directory'],
    [['--from', 'dir'], '--from goes with a source target'],
    [['--from', 'dir', 'dumps', 'a'], 'a source target runs on its own'],
  ])('%j exits 2: %s', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^error: ${message}\n\nusage: `));
    expect(readdirSync(root)).toEqual([]);
  });

  it('--help lists the targets and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('targets (default: all): a, b\n');
    expect(result.stdout).toContain('source targets (input outside the repository): dumps\n');
  });

  it('run.ts exits 2 on bad usage, naming the real targets', () => {
    const result = spawnSync(process.execPath, ['tools/codegen/run.ts', '--chek'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(result.stderr).toContain('error: unknown option --chek\n');
    expect(result.stderr).toContain(
      `targets (default: all): ${Object.keys(TARGETS.repository).join(', ')}\n`,
    );
    expect(result.status).toBe(2);
  });
});
