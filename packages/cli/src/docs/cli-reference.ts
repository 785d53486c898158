import { renderCommandHelp, renderRootHelp, tagline } from '../cli/help.js';
import type { Command, OptionSpecs } from '../cli/command.js';

/**
 * `docs/reference/cli.md`: every command's `--help`, generated from the
 * command objects so the page cannot drift from the tool.
 */
export function renderCLIReference(commands: readonly Command<OptionSpecs>[]): string {
  const out = [
    "<!-- Generated from the commands' --help by packages/cli (npx nx run cli:codegen): do not edit. -->",
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
