// Golden output of every fixture. Update with:
//   UPDATE_GOLDENS=1 npx nx run terraform-gen:test
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './fixtures/index.js';
import { renderFixture } from './generate-fixture.js';

const GOLDEN_DIR = path.join(__dirname, 'golden');
const update = process.env['UPDATE_GOLDENS'] === '1';

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    return e.isDirectory() ? listFiles(path.join(dir, e.name), rel) : [rel];
  });
}

const expected = new Map<string, string | Uint8Array>();
for (const [name, fixture] of Object.entries(FIXTURES)) {
  for (const [file, content] of renderFixture(fixture)) expected.set(`${name}/${file}`, content);
}

describe('golden output', () => {
  if (update) {
    it('rewrites the goldens (UPDATE_GOLDENS=1)', () => {
      for (const file of listFiles(GOLDEN_DIR))
        if (!expected.has(file)) fs.rmSync(path.join(GOLDEN_DIR, file));
      for (const [file, content] of expected) {
        fs.mkdirSync(path.dirname(path.join(GOLDEN_DIR, file)), { recursive: true });
        fs.writeFileSync(path.join(GOLDEN_DIR, file), content);
      }
      expect(listFiles(GOLDEN_DIR).sort()).toEqual([...expected.keys()].sort());
    });
    return;
  }

  it('has no obsolete golden files', () => {
    const obsolete = listFiles(GOLDEN_DIR).filter((f) => !expected.has(f));
    expect(obsolete).toEqual([]);
  });

  it.each([...expected.keys()].sort())('%s matches its golden', (file) => {
    const golden = path.join(GOLDEN_DIR, file);
    if (!fs.existsSync(golden))
      throw new Error(`missing golden ${file}: run UPDATE_GOLDENS=1 npx nx run terraform-gen:test`);
    const content = expected.get(file);
    if (typeof content === 'string') expect(content).toBe(fs.readFileSync(golden, 'utf8'));
    // Archives: the bytes themselves, so a golden made on another machine proves determinism.
    else expect(Buffer.from(content ?? []).equals(fs.readFileSync(golden))).toBe(true);
  });

  it('contains no machine paths or timestamps', () => {
    for (const [file, bytes] of expected) {
      const content = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1');
      expect({
        file,
        paths: content.match(/(?:\/(?:home|tmp|work|Users|var\/folders)\/)/g),
      }).toEqual({ file, paths: null });
      expect({ file, times: content.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g) }).toEqual({
        file,
        times: null,
      });
    }
  });

  it.each(Object.keys(FIXTURES))('%s renders byte-identically on a second run', (name) => {
    const fixture = FIXTURES[name];
    if (fixture === undefined) throw new Error(name);
    expect(renderFixture(fixture)).toEqual(renderFixture(fixture));
  });
});
