import { crc32, gzipSync } from 'node:zlib';

/** One regular file of an archive: a `/`-separated relative path and its bytes. */
export interface ArchiveFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

const BLOCK = 512;

export interface TarGzOptions {
  /**
   * `best` compresses with zlib at level 9; `stored` writes the deflate
   * stream as uncompressed stored blocks, which no zlib build or CPU feature
   * can change: use it for archives committed to a repository.
   * @default 'best'
   */
  readonly compression?: 'best' | 'stored';
}

/**
 * A gzip-compressed POSIX ustar archive of `files`, byte-identical for the
 * same input (with `compression: 'stored'`, on any machine and Node.js
 * version): entries sorted by path, mode 0644, owner 0:0, modification time
 * 0, and a gzip header with no time and an "unknown" OS. Nothing is read
 * from the file system, so umask, mtimes and the working directory play no
 * part. Only regular files; a path must be relative and fit ustar's 100 + 155 bytes.
 *
 * @throws Error for an absolute path, `..`, or a path too long for ustar.
 */
export function tarGz(files: readonly ArchiveFile[], options: TarGzOptions = {}): Buffer {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const blocks: Buffer[] = [];
  for (const file of sorted) {
    const content =
      typeof file.content === 'string'
        ? Buffer.from(file.content, 'utf8')
        : Buffer.from(file.content);
    blocks.push(header(file.path, content.length), content);
    const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (padding > 0) blocks.push(Buffer.alloc(padding));
  }
  blocks.push(Buffer.alloc(2 * BLOCK));
  const tar = Buffer.concat(blocks);
  if (options.compression === 'stored') return storedGzip(tar);
  const gz = gzipSync(tar, { level: 9 });
  gz[9] = 0xff; // OS: unknown, whatever zlib was built for
  return gz;
}

/** Largest stored deflate block (RFC 1951 §3.2.4: LEN is 16 bits). */
const STORED_BLOCK = 0xffff;

/** A gzip member (RFC 1952) whose deflate stream is only stored blocks. */
function storedGzip(data: Buffer): Buffer {
  // Magic, CM=deflate, no flags, MTIME 0, XFL 0, OS unknown.
  const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])];
  for (let offset = 0; offset === 0 || offset < data.length; offset += STORED_BLOCK) {
    const chunk = data.subarray(offset, offset + STORED_BLOCK);
    const head = Buffer.alloc(5);
    head[0] = offset + STORED_BLOCK >= data.length ? 1 : 0; // BFINAL, BTYPE=00
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(head, chunk);
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(data) >>> 0, 0);
  trailer.writeUInt32LE(data.length % 2 ** 32, 4);
  parts.push(trailer);
  return Buffer.concat(parts);
}

function header(path: string, size: number): Buffer {
  if (path.startsWith('/') || path.split('/').some((part) => part === '..' || part === ''))
    throw new Error(`archive path must be relative and normal: ${path}`);
  const [prefix, name] = splitPath(path);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, 100, 8, 0o644);
  octal(h, 108, 8, 0);
  octal(h, 116, 8, 0);
  octal(h, 124, 12, size);
  octal(h, 136, 12, 0);
  h.fill(' ', 148, 156); // checksum counts as spaces while summing
  h.write('0', 156, 1, 'ascii'); // regular file
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/** ustar keeps names of up to 100 bytes, with up to 155 more as a directory prefix. */
function splitPath(path: string): [string, string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return [prefix, name];
  }
  throw new Error(`archive path too long for ustar: ${path}`);
}

function octal(h: Buffer, offset: number, length: number, value: number): void {
  if (value >= 8 ** (length - 1)) throw new Error(`archive entry too large (${value} bytes)`);
  h.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}
