import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The dependency direction of DESIGN.md is enforced by Nx tags and the
// module-boundary lint rule; these cases prove the rule is wired up. ESLint
// loads its ESM config, which jest's module system cannot, so the probes run
// in one child process through ESLint's API.
const repoRoot = path.resolve(__dirname, '../../..');

const cases = [
  { file: 'packages/runtime/src/probe.ts', target: '@msp/spec', allowed: false },
  { file: 'packages/spec/src/probe.ts', target: '@msp/terraform-gen', allowed: false },
  { file: 'packages/terraform-gen/src/probe.ts', target: '@msp/cli', allowed: false },
  { file: 'apps/msp-example/src/probe.ts', target: '@msp/terraform-gen', allowed: false },
  { file: 'packages/runtime/src/probe.ts', target: '@msp/spec/contract', allowed: true },
  { file: 'packages/runtime/src/probe.ts', target: '@msp/spec/errors', allowed: true },
  { file: 'packages/terraform-gen/src/probe.ts', target: '@msp/spec', allowed: true },
  // The CLI loads the generator lazily, so only type imports may be static.
  {
    file: 'packages/cli/src/probe.ts',
    target: '@msp/terraform-gen',
    allowed: true,
    typeOnly: true,
  },
  { file: 'apps/msp-example/src/probe.ts', target: '@msp/runtime', allowed: true },
];

const probe = `
import { ESLint } from 'eslint';
const cases = JSON.parse(process.argv[1]);
// The probe files do not exist, so no TypeScript project holds them: parse them
// without type information, and turn off the rules that need it.
const eslint = new ESLint({
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
    },
  },
});
const out = [];
for (const c of cases) {
  const code = c.typeOnly
    ? "import type { X } from '" + c.target + "';\\nexport type Y = X;\\n"
    : "import { x } from '" + c.target + "';\\nexport const y = x;\\n";
  const [result] = await eslint.lintText(code, { filePath: c.file });
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(c.file + ': ' + fatal.map((m) => m.message).join('; '));
  out.push(result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').length);
}
console.log(JSON.stringify(out));
`;

describe('module boundaries', () => {
  it('rejects imports against the layering and allows the ones along it', () => {
    const stdout = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', probe, JSON.stringify(cases)],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
    );
    const errorCounts = JSON.parse(stdout) as number[];
    expect(cases.map((c, i) => ({ ...c, errors: errorCounts[i] }))).toEqual(
      cases.map((c) => ({ ...c, errors: c.allowed ? 0 : 1 })),
    );
  }, 120_000);
});
