/**
 * docs/reference/cli.md: every command's `--help`, rendered from the command
 * objects so the page cannot drift from the tool.
 */
import { renderCommandHelp, renderRootHelp, tagline } from '../../packages/cli/src/cli/help.js';
import type { Command, OptionSpecs } from '../../packages/cli/src/cli/command.js';
import { loadCommands } from '../../packages/cli/src/commands/registry.js';
import type { GeneratedFiles } from './runner.js';

export function renderCLIReference(commands: readonly Command<OptionSpecs>[]): string {
  const out = [
    "<!-- Generated from the commands' --help by tools/codegen/cli.ts (npm run codegen): do not edit. -->",
    '',
    '# `msp` command reference',
    '',
    `\`msp\`: ${tagline}.`,
    '',
    '```text',
    renderRootHelp(commands).trimEnd(),
    '```',
    '',
  ];
  for (const command of commands) {
    out.push(
      `## msp ${command.name}`,
      '',
      command.summary + '.',
      '',
      '```text',
      renderCommandHelp(command).trimEnd(),
      '```',
      '',
    );
  }
  return out.join('\n');
}

export async function generate(): Promise<GeneratedFiles> {
  return new Map([['docs/reference/cli.md', renderCLIReference(await loadCommands())]]);
}
