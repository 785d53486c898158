import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', 'src');
const NETWORK_MODULE =
  /\bfrom\s+['"](node:)?(http|https|net|undici)['"]|\bimport\(\s*['"](node:)?(http|https|net|undici)['"]\s*\)/;
const FETCH = /\bfetch\s*\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the generator is pure', () => {
  const files = sources(SRC);

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports no network module and calls no fetch', () => {
    const offenders = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return NETWORK_MODULE.test(text) || FETCH.test(text);
    });
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('would catch an offender', () => {
    expect(NETWORK_MODULE.test("import http from 'node:http';")).toBe(true);
    expect(NETWORK_MODULE.test("const { request } = await import('undici');")).toBe(true);
    expect(FETCH.test('await fetch(url)')).toBe(true);
  });
});
