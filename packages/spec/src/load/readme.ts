import type { SpecIssue } from '../issues/spec-issue.js';

export type ReadmeCheck =
  { readonly ok: true; readonly body: string } | { readonly ok: false; readonly issue: SpecIssue };

/** README.md must start with `# <service name>`; the rest is the README body. */
export function checkReadme(text: string, serviceName: string, fileName: string): ReadmeCheck {
  const newline = text.indexOf('\n');
  const first = (newline < 0 ? text : text.slice(0, newline)).replace(/\r$/, '');
  if (first.trim() !== `# ${serviceName}`) {
    return {
      ok: false,
      issue: {
        code: 'readme-header',
        severity: 'error',
        path: '',
        message: `README must start with an H1 header that matches the service name, i.e. "# ${serviceName}"`,
        hint: `make the first line "# ${serviceName}"`,
        file: fileName,
        line: 1,
        column: 1,
      },
    };
  }
  return { ok: true, body: newline < 0 ? '' : text.slice(newline + 1).replace(/^(\r?\n)+/, '') };
}
