import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useTempDir } from '../../test/support/temp-dir.js';
import { planFiles, resolveInside, writeFiles } from './write-files.js';

describe('writeFiles', () => {
  const tempDir = useTempDir();

  it('creates files and directories, and reports what it did', async () => {
    const plan = await writeFiles(
      tempDir(),
      new Map([
        ['a/b/c.json', '{}\n'],
        ['top.txt', 'hi\n'],
      ]),
    );
    expect(plan).toEqual({
      created: ['a/b/c.json', 'top.txt'],
      changed: [],
      unchanged: [],
      removed: [],
    });
    expect(await readFile(join(tempDir(), 'a/b/c.json'), 'utf8')).toBe('{}\n');
  });

  it('is idempotent: a second run changes nothing', async () => {
    const files = new Map([['x.txt', 'one\n']]);
    await writeFiles(tempDir(), files);
    expect(await writeFiles(tempDir(), files)).toEqual({
      created: [],
      changed: [],
      unchanged: ['x.txt'],
      removed: [],
    });
  });

  it('writes archives byte for byte and compares them as bytes', async () => {
    // Not valid UTF-8: a text round trip would change these bytes.
    const bytes = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x80, 0x00]);
    const files = new Map([['s/a.tar.gz', bytes]]);
    await writeFiles(tempDir(), files);
    expect((await readFile(join(tempDir(), 's/a.tar.gz'))).equals(Buffer.from(bytes))).toBe(true);
    expect((await planFiles(tempDir(), files)).unchanged).toEqual(['s/a.tar.gz']);
    const other = new Map([['s/a.tar.gz', new Uint8Array([...bytes.subarray(0, 7), 0x01])]]);
    expect((await planFiles(tempDir(), other)).changed).toEqual(['s/a.tar.gz']);
  });

  it('compares with what the caller already knows of the disk, and reads only the other paths', async () => {
    await writeFile(join(tempDir(), 'known.txt'), 'on disk\n');
    await writeFile(join(tempDir(), 'gone.txt'), 'on disk\n');
    await writeFile(join(tempDir(), 'other.txt'), 'other\n');
    const plan = await planFiles(
      tempDir(),
      new Map([
        ['known.txt', 'as read\n'],
        ['other.txt', 'other\n'],
        ['new.txt', 'new\n'],
        ['gone.txt', 'on disk\n'],
      ]),
      {
        current: new Map([
          ['known.txt', 'as read\n'],
          ['gone.txt', undefined],
        ]),
      },
    );
    expect(plan).toEqual({
      created: ['gone.txt', 'new.txt'],
      changed: [],
      unchanged: ['known.txt', 'other.txt'],
      removed: [],
    });
  });

  it('plans without writing', async () => {
    await writeFile(join(tempDir(), 'x.txt'), 'old\n');
    const plan = await planFiles(
      tempDir(),
      new Map([
        ['x.txt', 'new\n'],
        ['y.txt', 'y\n'],
      ]),
      { owned: ['x.txt', 'z.txt'] },
    );
    expect(plan).toEqual({
      created: ['y.txt'],
      changed: ['x.txt'],
      unchanged: [],
      removed: ['z.txt'],
    });
    expect(await readFile(join(tempDir(), 'x.txt'), 'utf8')).toBe('old\n');
    expect(await readdir(tempDir())).toEqual(['x.txt']);
  });

  it('removes owned files that are no longer in the batch', async () => {
    await mkdir(join(tempDir(), 'd'));
    await writeFile(join(tempDir(), 'd/stale.json'), '{}');
    const plan = await writeFiles(tempDir(), new Map([['d/fresh.json', '{}']]), {
      owned: ['d/stale.json'],
    });
    expect(plan.removed).toEqual(['d/stale.json']);
    expect(await readdir(join(tempDir(), 'd'))).toEqual(['fresh.json']);
  });

  it('changes nothing on disk when one file of the batch cannot be written', async () => {
    await writeFile(join(tempDir(), 'keep.txt'), 'original\n');
    // A regular file where the batch needs a directory: the second write fails even as root.
    await writeFile(join(tempDir(), 'blocker'), 'not a directory');
    const batch = new Map([
      ['keep.txt', 'changed\n'],
      ['new.txt', 'new\n'],
      ['blocker/file.txt', 'x'],
    ]);
    await expect(writeFiles(tempDir(), batch)).rejects.toThrow();
    expect(await readFile(join(tempDir(), 'keep.txt'), 'utf8')).toBe('original\n');
    expect((await readdir(tempDir())).sort()).toEqual(['blocker', 'keep.txt']);
  });

  it('refuses paths that escape the root', () => {
    expect(() => resolveInside('/srv/out', '../etc/passwd')).toThrow('refusing to write outside');
    expect(() => resolveInside('/srv/out', '/etc/passwd')).toThrow('refusing to write outside');
    expect(resolveInside('/srv/out', 'a/../b')).toBe('/srv/out/b');
  });
});
