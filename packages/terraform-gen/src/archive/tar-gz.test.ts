import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { tarGz } from './tar-gz.js';

describe('tarGz', () => {
  const files = [
    { path: 'main.tf.json', content: '{"resource": {}}\n' },
    { path: 'a/b/terraform.tfvars', content: 'image_tag = "v1"\n' },
    { path: `${'d'.repeat(90)}/${'f'.repeat(60)}.json`, content: new Uint8Array([0, 1, 2, 255]) },
  ];

  it('writes an archive GNU tar lists and extracts byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msp-tar-'));
    try {
      const archive = join(dir, 'stack.tar.gz');
      writeFileSync(archive, tarGz(files));
      const listing = execFileSync('tar', ['-tvzf', archive], { encoding: 'utf8' });
      expect(listing.split('\n').filter((l) => l !== '')).toEqual([
        expect.stringMatching(/^-rw-r--r-- 0\/0 +17 1970-01-01 00:00 a\/b\/terraform\.tfvars$/),
        expect.stringMatching(/^-rw-r--r-- 0\/0 +4 1970-01-01 00:00 d{90}\/f{60}\.json$/),
        expect.stringMatching(/^-rw-r--r-- 0\/0 +17 1970-01-01 00:00 main\.tf\.json$/),
      ]);
      execFileSync('tar', ['-xzf', archive, '-C', dir]);
      for (const file of files)
        expect(readFileSync(join(dir, file.path))).toEqual(Buffer.from(file.content));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is byte-identical for the same files in any order', () => {
    expect(tarGz(files).equals(tarGz([...files].reverse()))).toBe(true);
    expect(tarGz(files).equals(tarGz(files.slice(1)))).toBe(false);
  });

  it('stores the same tar uncompressed, in blocks of at most 64 KiB, that gunzip and tar read', () => {
    const big = [...files, { path: 'big.bin', content: new Uint8Array(200_000).fill(7) }];
    const stored = tarGz(big, { compression: 'stored' });
    expect(gunzipSync(stored).equals(gunzipSync(tarGz(big)))).toBe(true);
    expect(stored.length).toBeGreaterThan(200_000);
    const dir = mkdtempSync(join(tmpdir(), 'msp-tar-'));
    try {
      writeFileSync(join(dir, 'stored.tar.gz'), stored);
      execFileSync('gzip', ['-t', join(dir, 'stored.tar.gz')]);
      execFileSync('tar', ['-xzf', join(dir, 'stored.tar.gz'), '-C', dir]);
      expect(readFileSync(join(dir, 'big.bin')).equals(Buffer.alloc(200_000, 7))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses paths that would escape the archive root', () => {
    expect(() => tarGz([{ path: '../x', content: '' }])).toThrow(/relative and normal/);
    expect(() => tarGz([{ path: '/etc/x', content: '' }])).toThrow(/relative and normal/);
  });
});
