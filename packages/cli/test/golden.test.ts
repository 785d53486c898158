import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandNames, loadCommands } from '../src/commands/registry.js';
import { runMsp } from './support/run-msp.js';

/**
 * Golden files for every `--help` (docs/reference/cli.md, rendered from the same
 * commands, is codegen's: tools/codegen/cli.ts). Update them with
 * `UPDATE_GOLDENS=1 npx jest -c packages/cli/jest.config.cjs test/golden` and review the diff.
 */
const update = process.env['UPDATE_GOLDENS'] === '1';
const helpDir = join(__dirname, 'golden', 'help');

async function expectGolden(path: string, actual: string): Promise<void> {
  if (update) {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, actual);
    return;
  }
  const expected = await readFile(path, 'utf8').catch(() => undefined);
  if (expected === undefined)
    throw new Error(`missing golden file ${path}; run with UPDATE_GOLDENS=1 and review it`);
  expect(actual).toBe(expected);
}

const goldenName = (name: string) => `${name.replaceAll(' ', '-')}.txt`;

describe('golden --help', () => {
  it('msp --help', async () => {
    const result = await runMsp(['--help']);
    await expectGolden(join(helpDir, 'msp.txt'), result.stdout);
  });

  it.each(commandNames.map((name) => [name]))('msp %s --help', async (name) => {
    const result = await runMsp([...name.split(' '), '--help']);
    expect(result.code).toBe(0);
    await expectGolden(join(helpDir, goldenName(name)), result.stdout);
  });

  it('every command has examples and every golden file belongs to a command', async () => {
    const commands = await loadCommands();
    for (const command of commands) expect(command.examples.length).toBeGreaterThan(0);
    const expected = ['msp.txt', ...commands.map((c) => goldenName(c.name))].sort();
    expect((await readdir(helpDir)).sort()).toEqual(expected);
  });
});
